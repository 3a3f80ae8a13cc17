namespace Varn.Core.Reports;

/// <summary>
/// Assessing reports (relevant to VBE, not relevant, wrongly registered): the assessment with who and when, and the
/// kept counts of <see cref="ReportTallies"/>, in one transaction. Shared by the queue, the report page and the API.
/// </summary>
public sealed class ReportAssessment(VarnDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Assesses tracked reports. A note replaces the stored one when given, or always when <paramref name="replaceNote"/>.
    /// Throws <see cref="DbUpdateConcurrencyException"/> when another coordinator changed a report first; nothing is saved then.
    /// </summary>
    public async Task AssessAsync(IReadOnlyList<DeidentifiedReport> reports, Assessment assessment, string? note, bool replaceNote, string assessedBy, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var changes = new List<TallyChange>();
        foreach (var report in reports)
        {
            if (report.Assessment != assessment)
            {
                if (report.Assessment is { } previous)
                {
                    changes.Add(new TallyChange(report, previous, -1));
                }
                changes.Add(new TallyChange(report, assessment, +1));
            }
            report.Assessment = assessment;
            if (replaceNote || text is not null)
            {
                report.AssessmentNote = text;
            }
            report.AssessedAt = now;
            report.AssessedBy = assessedBy;
            report.Version++;
        }
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        await ReportTallies.ApplyAsync(db, changes, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
