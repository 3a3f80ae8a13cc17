using Varn.Core.Audit;

namespace Varn.Core.Reports;

/// <summary>What a purge removes: a report's id, council, when it happened and when it was submitted; never its text.</summary>
public sealed record PurgeCandidate(int Id, string Council, DateOnly OccurredOn, DateTime SubmittedAt, Assessment Assessment);

/// <summary>
/// Retention (DESIGN §5 rule 5): assessed reports older than the configured number of years are deleted; their counts
/// were kept when they were assessed (<see cref="ReportTallies"/>) and stay for the situation pictures.
/// </summary>
public sealed class ReportRetention(VarnDbContext db, AuditLog audit, TimeProvider clock)
{
    public DateTime Cutoff(int years) => clock.GetUtcNow().UtcDateTime.AddYears(-years);

    public Task<List<PurgeCandidate>> CandidatesAsync(int years, CancellationToken cancellationToken = default)
    {
        var cutoff = Cutoff(years);
        return db.Reports.AsNoTracking()
            .Where(r => r.Assessment != null && r.SubmittedAt < cutoff)
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new PurgeCandidate(r.Id, r.Council!.Short, r.OccurredOn, r.SubmittedAt, r.Assessment!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes assessed reports submitted before the cut-off. Their counts were kept in the tallies when they were
    /// assessed, so the situation figures do not change. Returns how many went.
    /// </summary>
    public async Task<int> PurgeAsync(int years, CancellationToken cancellationToken = default)
    {
        var cutoff = Cutoff(years);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var purged = await db.Reports.Where(r => r.Assessment != null && r.SubmittedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (purged == 0)
        {
            return 0;
        }
        await audit.RecordAsync("reports.purged", "DeidentifiedReport", null, $"{purged} bedömda rapporter inskickade före {cutoff:yyyy-MM-dd}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }
}
