using Varn.Core.Organisation;

namespace Varn.Core.Reports;

/// <summary>
/// Receives a report from the form or the API: checks it (the personal-data guard included), finds the council, and
/// stores it through the <see cref="ReportWriter"/>, returning once it is committed. Nothing about the reporter is kept
/// beyond their unit — not even in the audit log, where the submission is recorded as made by "a reporter in the council".
/// </summary>
public sealed class ReportIntake(VarnDbContext db, ReportWriter writer, TimeProvider clock)
{
    /// <summary>Compiled once per model: every report runs it (ADR 0020).</summary>
    private static readonly CompiledQuery<Func<VarnDbContext, string, CancellationToken, Task<Council?>>> FindCouncil = new(() => EF.CompileAsyncQuery(
        (VarnDbContext db, string code, CancellationToken _) => db.Councils.AsNoTracking().FirstOrDefault(c => c.Short == code)));

    public async Task<(DeidentifiedReport? Report, Dictionary<string, string> Errors)> SubmitAsync(ReportSubmission submission, int? reporterUnitId, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var (checkedReport, errors) = ReportChecks.Check(submission, today);
        var council = string.IsNullOrWhiteSpace(submission.Council)
            ? null
            : await FindCouncil.For(db)(db, submission.Council.Trim(), cancellationToken);
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

        var submittedAt = clock.GetUtcNow().UtcDateTime;
        var report = await writer.WriteAsync(() =>
        {
            var created = new DeidentifiedReport
            {
                CouncilId = council.Id,
                OccurredOn = checkedReport.OccurredOn,
                MonthOnly = checkedReport.MonthOnly,
                PlaceType = checkedReport.PlaceType,
                Environment = checkedReport.Environment,
                Source = checkedReport.Source,
                Description = checkedReport.Description,
                ReporterUnitId = reporterUnitId,
                ReporterContact = checkedReport.ReporterContact,
                SubmittedAt = submittedAt,
            };
            created.SetCategories(checkedReport.Categories);
            created.SetActionsTaken(checkedReport.ActionsTaken);
            return created;
        }, $"anmälare till {council.Name}");
        return (report, errors);
    }
}
