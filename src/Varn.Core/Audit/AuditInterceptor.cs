using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Varn.Core.Audit;

/// <summary>
/// A row the interceptor does not log by its key, because the key could carry content or link what must stay apart:
/// a report's chosen categories (recorded by the report's row), a survey answer (recorded as "an answer to round N").
/// </summary>
public interface IAuditedElsewhere;

/// <summary>
/// Writes an audit row for every entity created, changed or deleted — entity, key and the names of the changed
/// properties, never their values — in the same transaction as the change, and chains every new row to the last.
/// Rows added explicitly (sign-in, export, import) are chained here too. Audit rows are only ever inserted.
/// </summary>
public sealed class AuditInterceptor(CurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Unremarkable = ["Version", "UpdatedAt", "ConcurrencyStamp", "LastUsedAt"];

    private sealed record Change(EntityEntry Entry, EntityState State, string[] Properties);

    private List<Change> changes = [];
    private IDbContextTransaction? ownTransaction;
    private bool writing;
    private bool writingAudit;
    private long sequence;
    private string previousHash = AuditChain.Genesis;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is VarnDbContext db && (Collect(db).Count > 0 || db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added)))
        {
            throw new InvalidOperationException("Audited changes must be saved with SaveChangesAsync.");
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (writingAudit || eventData.Context is not VarnDbContext db)
        {
            return result;
        }
        changes = Collect(db);
        var explicitRows = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (changes.Count == 0 && explicitRows.Count == 0)
        {
            return result;
        }

        writing = true;
        try
        {
            if (db.Database.CurrentTransaction is null)
            {
                ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }
            await LockChainAsync(db, cancellationToken);
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            sequence = last?.Sequence ?? 0;
            previousHash = last?.Hash ?? AuditChain.Genesis;
            Chain(explicitRows);
        }
        catch
        {
            await ReleaseAsync();
            throw;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (writingAudit || eventData.Context is not VarnDbContext db || !writing)
        {
            return result;
        }
        try
        {
            if (changes.Count > 0)
            {
                // Keys are read now: a created entity has its database key only after the save.
                var now = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime);
                var rows = changes.Select(c => Describe(c, now)).ToList();
                Chain(rows);
                db.AuditEntries.AddRange(rows);
                writingAudit = true;
                await db.SaveChangesAsync(cancellationToken);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await ReleaseAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (writing && !writingAudit)
        {
            await ReleaseAsync();
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (writing && !writingAudit)
        {
            await ReleaseAsync();
        }
    }

    private void Chain(IEnumerable<AuditEntry> rows)
    {
        foreach (var row in rows)
        {
            row.Sequence = ++sequence;
            row.PreviousHash = previousHash;
            row.Hash = AuditChain.HashOf(row);
            previousHash = row.Hash;
        }
    }

    private async Task ReleaseAsync()
    {
        if (ownTransaction is not null)
        {
            await ownTransaction.DisposeAsync();
            ownTransaction = null;
        }
        changes = [];
        writingAudit = false;
        writing = false;
    }

    /// <summary>
    /// One writer at a time extends the chain, held until the transaction ends. SQLite transactions begin
    /// IMMEDIATE and so already hold the database's write lock; PostgreSQL takes a transaction advisory lock.
    /// </summary>
    private static async Task LockChainAsync(VarnDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(8317001)", cancellationToken);
        }
    }

    private static List<Change> Collect(VarnDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not DataProtectionKey and not IAuditedElsewhere)
            .Select(e => new Change(e, e.State, e.State == EntityState.Modified
                ? e.Properties.Where(p => p.IsModified && !Unremarkable.Contains(p.Metadata.Name)).Select(p => p.Metadata.Name).ToArray()
                : []))
            .Where(c => c.State != EntityState.Modified || c.Properties.Length > 0)
            .ToList();
    }

    private AuditEntry Describe(Change change, DateTime now)
    {
        var key = change.Entry.Metadata.FindPrimaryKey();
        var id = key is null ? null : string.Join(",", key.Properties.Select(p => change.Entry.Property(p.Name).CurrentValue?.ToString()));
        var (verb, summary) = change.State switch
        {
            EntityState.Added => ("created", null),
            EntityState.Deleted => ("deleted", null),
            _ => ("updated", string.Join(", ", change.Properties)),
        };
        var entity = change.Entry.Metadata.ClrType.Name;
        return new AuditEntry
        {
            At = now,
            Actor = actor.Name,
            ActorId = actor.UserId,
            Action = $"{entity}.{verb}",
            Entity = entity,
            EntityId = id,
            Summary = summary,
            PreviousHash = "",
            Hash = "",
        };
    }
}
