using Varn.Core.Reports;

namespace Varn.Web.Pages.Reports;

/// <summary>The queue's filters, from the query string; applied in the database and shared by the list and its CSV export.</summary>
public sealed class ReportFilter
{
    public string? Status { get; set; } = "new";
    public string? Council { get; set; }
    public string? Category { get; set; }
    public string? Environment { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The page of the queue, from 1.</summary>
    public int Sida { get; set; } = 1;

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
        if (Codes.TryParse<ReportCategory>(Category, out var category))
        {
            reports = reports.Where(r => r.CategoryChoices.Any(c => c.Category == category));
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
}
