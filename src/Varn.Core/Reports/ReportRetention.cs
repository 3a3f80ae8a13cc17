using Microsoft.EntityFrameworkCore;
using Varn.Core.Audit;
using Varn.Core.Data;

namespace Varn.Core.Reports;

/// <summary>What a purge removes: a report's id, council, when it happened and when it was submitted; never its text.</summary>
public sealed record PurgeCandidate(int Id, string Council, DateOnly OccurredOn, DateTime SubmittedAt, Assessment Assessment);

/// <summary>
/// Retention (DESIGN §5 rule 5): assessed reports older than the configured number of years are deleted; their counts
/// per council, year, quarter, category, environment and assessment are kept for the situation pictures.
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

    /// <summary>Adds the reports to the kept counts and deletes them, in one transaction. Returns how many went.</summary>
    public async Task<int> PurgeAsync(int years, CancellationToken cancellationToken = default)
    {
        var cutoff = Cutoff(years);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => r.Assessment != null && r.SubmittedAt < cutoff).ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return 0;
        }
        var groups = reports
            .SelectMany(r => r.Categories.Select(category => (r.CouncilId, r.OccurredOn.Year, r.Quarter, category, r.Environment, r.Assessment!.Value)))
            .GroupBy(x => x);
        var existing = await db.ReportCounts.ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            var (councilId, year, quarter, category, environment, assessment) = group.Key;
            var row = existing.FirstOrDefault(c => c.CouncilId == councilId && c.Year == year && c.Quarter == quarter && c.Category == category && c.Environment == environment && c.Assessment == assessment);
            if (row is null)
            {
                row = new ReportCount { CouncilId = councilId, Year = year, Quarter = quarter, Category = category, Environment = environment, Assessment = assessment };
                db.ReportCounts.Add(row);
                existing.Add(row);
            }
            row.Count += group.Count();
        }
        await db.SaveChangesAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        await db.Reports.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync("reports.purged", "DeidentifiedReport", null, $"{reports.Count} bedömda rapporter inskickade före {cutoff:yyyy-MM-dd}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reports.Count;
    }
}
