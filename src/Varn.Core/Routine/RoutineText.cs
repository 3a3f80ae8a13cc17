using Varn.Core.Organisation;

namespace Varn.Core.Routine;

/// <summary>The routine for concern or an event (DESIGN C15): who to tell and in which order, when to call the police.</summary>
public class RoutineText : IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public string Text { get; set; } = "";
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A link or an uploaded document in the knowledge bank.</summary>
public class KnowledgeItem
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class RoutineTextConfiguration : IEntityTypeConfiguration<RoutineText>
{
    public void Configure(EntityTypeBuilder<RoutineText> e)
    {
        e.HasIndex(x => x.MunicipalityId).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

public sealed class KnowledgeItemConfiguration : IEntityTypeConfiguration<KnowledgeItem>
{
    public void Configure(EntityTypeBuilder<KnowledgeItem> e)
    {
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(1000);
        e.Property(x => x.Url).HasMaxLength(1000);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
    }
}
