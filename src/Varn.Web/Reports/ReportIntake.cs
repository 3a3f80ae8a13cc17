using Microsoft.EntityFrameworkCore;
using Varn.Core.Audit;
using Varn.Core.Data;
using Varn.Core.Reports;

namespace Varn.Web.Reports;

/// <summary>
/// Receives a report from the form or the API: checks it (the personal-data guard included), finds the council, and
/// stores it. Nothing about the reporter is kept beyond their unit — not even in the audit log, where the submission
/// is recorded as made by "a reporter in the council".
/// </summary>
public sealed class ReportIntake(VarnDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task<(DeidentifiedReport? Report, Dictionary<string, string> Errors)> SubmitAsync(ReportSubmission submission, int? reporterUnitId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var (checkedReport, errors) = ReportChecks.Check(submission, today);
        var council = string.IsNullOrWhiteSpace(submission.Council)
            ? null
            : await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == submission.Council.Trim(), cancellationToken);
        if (council is null && !errors.ContainsKey("council"))
        {
            errors["council"] = $"Nämnden «{submission.Council}» finns inte.";
        }
        if (checkedReport is null || council is null)
        {
            return (null, errors);
        }
        if (reporterUnitId is not null && !await db.Units.AnyAsync(u => u.Id == reporterUnitId, cancellationToken))
        {
            reporterUnitId = null;
        }

        var report = new DeidentifiedReport
        {
            CouncilId = council.Id,
            OccurredOn = checkedReport.OccurredOn,
            MonthOnly = checkedReport.MonthOnly,
            PlaceType = checkedReport.PlaceType,
            Categories = checkedReport.Categories.ToList(),
            Environment = checkedReport.Environment,
            Source = checkedReport.Source,
            Description = checkedReport.Description,
            ActionsTaken = checkedReport.ActionsTaken.ToList(),
            ReporterUnitId = reporterUnitId,
            ReporterContact = checkedReport.ReporterContact,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        actor.Set($"anmälare till {council.Name}", null);
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return (report, errors);
    }
}
