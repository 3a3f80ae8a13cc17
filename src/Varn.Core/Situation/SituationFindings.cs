using System.Globalization;
using Varn.Core.Rendering;

namespace Varn.Core.Situation;

/// <summary>
/// Drafts "Följande har framkommit" in Swedish from the picture's own numbers — as the viewer sees them, so that a
/// hidden count stays hidden in the text too. The coordinator edits the draft; the edited list replaces it.
/// </summary>
public static class SituationFindings
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static IReadOnlyList<string> Draft(SituationPicture picture)
    {
        var findings = new List<string>();
        var t = picture.Threshold;
        findings.Add($"Under perioden {picture.From:yyyy-MM-dd}–{picture.To:yyyy-MM-dd} har {Reports(picture.Reports.Total, t)} bedömts som relevanta för våldsbejakande extremism.");

        var lastYear = picture.Trend.FirstOrDefault(p => p.Year == picture.Year - 1);
        var yearBefore = picture.Trend.FirstOrDefault(p => p.Year == picture.Year - 2);
        if (lastYear is not null && yearBefore is not null)
        {
            findings.Add(lastYear.Total.Count is { } a && yearBefore.Total.Count is { } b
                ? $"Under {lastYear.Year} bedömdes {Reports(lastYear.Total, t)} som relevanta, {Change(a, b)} jämfört med {yearBefore.Year} ({b.ToString(Swedish)})."
                : $"Under {lastYear.Year} bedömdes {Reports(lastYear.Total, t)} som relevanta, och under {yearBefore.Year} {Reports(yearBefore.Total, t)}.");
        }

        if (MostCommon(picture.Reports.ByCategory) is { } category)
        {
            var label = PictureLabels.Category(category.Key);
            findings.Add($"Den vanligaste kategorin är {label.ToLower(Swedish)} med {Reports(category.Value, t)}.");
        }
        if (MostCommon(picture.Reports.ByEnvironment) is { } environment)
        {
            var label = PictureLabels.Environment(environment.Key);
            findings.Add($"Flest rapporter gäller miljön {label.ToLower(Swedish)}: {Reports(environment.Value, t)}.");
        }

        if (picture.Survey is { } survey)
        {
            var rate = survey.ResponseRate is null ? "" : $" (svarsfrekvens {Figures.Share(survey.ResponseRate)} %)";
            findings.Add($"I enkäten {survey.Year} kom {survey.Answered.Show(t)} svar{rate}.");
            foreach (var share in survey.Shares.Where(s => s.Yes is not null && KeyQuestions.Contains(s.Question)))
            {
                findings.Add($"{Figures.Share(share.Yes)} % svarade ja på frågan «{share.Label}»");
            }
        }
        if (picture.Police is { } police)
        {
            if (police.Text is { Length: > 0 } text)
            {
                findings.Add($"Polisens bedömning: {text}");
            }
            var counts = police.ByEnvironment.Where(p => p.Value.Suppressed || p.Value.Count > 0)
                .Select(p => $"{p.Value.Show(t)} inom {PictureLabels.Environment(p.Key).ToLower(Swedish)}")
                .ToList();
            if (counts.Count > 0)
            {
                findings.Add($"Polisen redovisar {string.Join(", ", counts)}.");
            }
        }
        if (picture.ConcernReports is { } concern)
        {
            findings.Add($"{Capitalised(concern.Show(t))} orosanmälningar med inslag av våldsbejakande extremism har gjorts.");
        }
        findings.AddRange(picture.Statistics.Select(s => $"{s.Source}: {s.Count.Show(t)}."));
        return findings;
    }

    /// <summary>The survey questions the findings quote: what was seen, preventive work, and whether knowledge is enough.</summary>
    private static readonly string[] KeyQuestions = ["seenExpressions", "worksPreventively", "sufficientKnowledge"];

    private static string Reports(Figure figure, int threshold) =>
        figure is { Suppressed: false, Count: 1 } ? "1 rapport" : $"{figure.Show(threshold)} rapporter";

    private static string Change(int now, int before) => (now - before) switch
    {
        0 => "lika många som",
        > 0 and var up => $"en ökning med {up.ToString(Swedish)}",
        var down => $"en minskning med {(-down).ToString(Swedish)}",
    };

    /// <summary>
    /// The largest visible count above zero. None when a count is hidden to protect another: it might be the largest.
    /// (A small hidden count is below every visible one.)
    /// </summary>
    private static KeyValuePair<string, Figure>? MostCommon(IReadOnlyDictionary<string, Figure> figures)
    {
        if (figures.Values.Any(f => f.Suppressed && !f.Small))
        {
            return null;
        }
        var top = figures.Where(f => f.Value is { Suppressed: false, Count: > 0 }).OrderByDescending(f => f.Value.Count).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        return top.Count == 0 ? null : top[0];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Swedish) + text[1..];
}
