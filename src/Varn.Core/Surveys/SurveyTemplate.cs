using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Varn.Core.Surveys;

/// <summary>
/// The city's questionnaire for one year, as the central coordinator has worded it. Each save is a new revision; a
/// round keeps the wording it was opened with.
/// </summary>
public class SurveyTemplate : IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int Year { get; set; }

    /// <summary>1 for the first wording of the year, one more for each save.</summary>
    public int Revision { get; set; }

    public Dictionary<string, QuestionText> Texts { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> e)
    {
        e.HasIndex(x => new { x.MunicipalityId, x.Year }).IsUnique();
        e.Property(x => x.Texts).HasConversion(SurveyTexts.Converter, SurveyTexts.Comparer).HasMaxLength(20_000);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>The questions' wording stored as one JSON text, the same on every database.</summary>
public static class SurveyTexts
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Dictionary<string, QuestionText>, string> Converter = new(
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
        v => JsonSerializer.Deserialize<Dictionary<string, QuestionText>>(v, JsonSerializerOptions.Default) ?? new Dictionary<string, QuestionText>());

    public static readonly ValueComparer<Dictionary<string, QuestionText>> Comparer = new(
        (a, b) => a!.Count == b!.Count && a.All(kv => b.ContainsKey(kv.Key) && b[kv.Key] == kv.Value),
        v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
        v => new Dictionary<string, QuestionText>(v));

    /// <summary>The wording for every question: the stored text where there is one, the default otherwise.</summary>
    public static Dictionary<string, QuestionText> Complete(IReadOnlyDictionary<string, QuestionText>? texts) =>
        SurveyQuestions.All.ToDictionary(q => q.Code, q => texts?.GetValueOrDefault(q.Code) ?? SurveyQuestions.Defaults[q.Code]);
}
