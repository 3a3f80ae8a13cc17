using Varn.Core.Interchange;
using Varn.Core.Reports;

namespace Varn.Web.Pages.Reports;

/// <summary>The queue's filters, from the query string; shared by the list and its CSV export.</summary>
public sealed class ReportFilter
{
    public string? Status { get; set; } = "new";
    public string? Council { get; set; }
    public string? Category { get; set; }
    public string? Environment { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public IQueryable<DeidentifiedReport> Apply(IQueryable<DeidentifiedReport> reports)
    {
        reports = Status switch
        {
            "new" => reports.Where(r => r.Assessment == null),
            "assessed" => reports.Where(r => r.Assessment != null && r.ClosedAt == null),
            "closed" => reports.Where(r => r.ClosedAt != null),
            _ => reports,
        };
        if (!string.IsNullOrEmpty(Council))
        {
            reports = reports.Where(r => r.Council!.Short == Council);
        }
        if (Codes.TryParse<ExtremistEnvironment>(Environment, out var environment))
        {
            reports = reports.Where(r => r.Environment == environment);
        }
        if (From is { } from)
        {
            reports = reports.Where(r => r.OccurredOn >= from);
        }
        if (To is { } to)
        {
            reports = reports.Where(r => r.OccurredOn <= to);
        }
        return reports;
    }

    /// <summary>Categories are a list in one column: filtered after reading.</summary>
    public IEnumerable<DeidentifiedReport> ApplyCategory(IEnumerable<DeidentifiedReport> reports) =>
        Codes.TryParse<ReportCategory>(Category, out var category) ? reports.Where(r => r.Categories.Contains(category)) : reports;
}
