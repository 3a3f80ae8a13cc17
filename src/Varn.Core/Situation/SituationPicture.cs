using Varn.Core.Reports;
using Varn.Core.Statistics;

namespace Varn.Core.Situation;

/// <summary>A published number: null with <c>Suppressed</c> when the viewer may not see it; <c>Small</c> when it is itself a small count.</summary>
public sealed record Figure(int? Count, bool Suppressed, bool Small = false)
{
    public static Figure Of(string cell, CountTable table, HiddenCells hidden) =>
        hidden.Contains(cell) ? new Figure(null, true, hidden.IsSmall(cell)) : new Figure(table[cell], false);

    /// <summary>What a page or a document shows: the number, "färre än 3" or "dolt".</summary>
    public string Show(int threshold) =>
        Suppressed ? (Small ? Suppression.Label(threshold) : Suppression.ProtectingLabel) : (Count ?? 0).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
}

/// <summary>The Swedish labels of the codes the picture is keyed by (an unknown code is shown as it is).</summary>
public static class PictureLabels
{
    public static string Environment(string code) => Codes.TryParse<ExtremistEnvironment>(code, out var e) ? e.Label() : code;

    public static string Category(string code) => Codes.TryParse<ReportCategory>(code, out var c) ? c.Label() : code;
}

public sealed record PictureCell(int Year, int Quarter, string Environment, string Category, Figure Count);

public sealed record QuarterFigure(int Year, int Quarter, Figure Count);

public sealed record ReportFigures(
    Figure Total,
    IReadOnlyList<PictureCell> Cells,
    IReadOnlyDictionary<string, Figure> ByEnvironment,
    IReadOnlyDictionary<string, Figure> ByCategory,
    IReadOnlyList<QuarterFigure> ByQuarter);

public sealed record TrendPoint(int Year, Figure Total);

/// <summary>Relevant reports in the period per 10,000 inhabitants: null when the count behind it is hidden or there is no population.</summary>
public sealed record Rates(double? Council, double? City);

public sealed record PoliceFigures(string? Text, IReadOnlyDictionary<string, Figure> ByEnvironment);

public sealed record StatisticsLine(string Source, Figure Count);

/// <summary>The share answering yes to one of the survey's yes/no questions, in percent (null when built on a hidden count).</summary>
public sealed record SurveyShare(string Question, string Label, double? Yes);

/// <summary>The key figures of the council's latest closed survey round for the plan year (or the year before).</summary>
public sealed record SurveyFigures(int Year, Figure Answered, double? ResponseRate, IReadOnlyList<SurveyShare> Shares);

/// <summary>
/// The local situation picture of a council for a plan year (DESIGN C9), as one viewer may see it: every number that
/// viewer may not see is already hidden here, so that page, API, charts and exports show the same cells.
/// </summary>
public sealed record SituationPicture(
    string Council,
    string CouncilName,
    int Year,
    DateTime? FrozenAt,
    bool Exact,
    int Threshold,
    DateOnly From,
    DateOnly To,
    ReportFigures Reports,
    IReadOnlyList<TrendPoint> Trend,
    int? Population,
    Rates PerTenThousand,
    SurveyFigures? Survey,
    PoliceFigures? Police,
    IReadOnlyList<StatisticsLine> Statistics,
    Figure? ConcernReports,
    IReadOnlyList<string> Findings,
    bool FindingsEdited,
    string? Mapping,
    string? Analysis)
{
    public bool Frozen => FrozenAt is not null;

    /// <summary>Whether any number is hidden from this viewer.</summary>
    public bool Suppressed =>
        Reports.Total.Suppressed || Reports.Cells.Any(c => c.Count.Suppressed) || Reports.ByEnvironment.Values.Any(f => f.Suppressed)
        || Reports.ByCategory.Values.Any(f => f.Suppressed) || Reports.ByQuarter.Any(q => q.Count.Suppressed) || Trend.Any(t => t.Total.Suppressed)
        || (Police?.ByEnvironment.Values.Any(f => f.Suppressed) ?? false) || Statistics.Any(s => s.Count.Suppressed) || (ConcernReports?.Suppressed ?? false);
}
