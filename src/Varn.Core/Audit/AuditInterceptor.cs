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
/// One interceptor serves every context (contexts are pooled); the save in progress is kept on its context, and the
/// actor is the context's <see cref="VarnDbContext.Actor"/>.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Unremarkable = ["Version", "UpdatedAt", "ConcurrencyStamp", "LastUsedAt", "AuthenticatorStepUsed"];

    private sealed record Head(long Sequence, string Hash);

    /// <summary>The chain's last row, compiled once per model: every audited save reads it (ADR 0020).</summary>
    private static readonly CompiledQuery<Func<VarnDbContext, CancellationToken, Task<Head?>>> FindHead = new(() => EF.CompileAsyncQuery(
        (VarnDbContext db, CancellationToken _) => db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new Head(a.Sequence, a.Hash)).FirstOrDefault()));

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
        if (eventData.Context is not VarnDbContext db || db.AuditSave is { WritingAudit: true })
        {
            return result;
        }
        var changes = Collect(db);
        var explicitRows = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (changes.Count == 0 && explicitRows.Count == 0)
        {
            return result;
        }

        var save = db.AuditSave = new AuditSave(changes);
        try
        {
            if (db.Database.CurrentTransaction is null)
            {
                save.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }
            await LockChainAsync(db, cancellationToken);
            var last = await FindHead.For(db)(db, cancellationToken);
            save.Sequence = last?.Sequence ?? 0;
            save.PreviousHash = last?.Hash ?? AuditChain.Genesis;
            save.Chain(explicitRows);
        }
        catch
        {
            await ReleaseAsync(db);
            throw;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not VarnDbContext db || db.AuditSave is not { WritingAudit: false } save)
        {
            return result;
        }
        try
        {
            if (save.Changes.Count > 0)
            {
                // Keys are read now: a created entity has its database key only after the save.
                var now = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime);
                var rows = save.Changes.Select(c => Describe(c, db.Actor, now)).ToList();
                save.Chain(rows);
                db.AuditEntries.AddRange(rows);
                save.WritingAudit = true;
                await db.SaveChangesAsync(cancellationToken);
            }
            if (save.OwnTransaction is not null)
            {
                await save.OwnTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await ReleaseAsync(db);
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is VarnDbContext { AuditSave.WritingAudit: false } db)
        {
            await ReleaseAsync(db);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is VarnDbContext { AuditSave.WritingAudit: false } db)
        {
            await ReleaseAsync(db);
        }
    }

    private static async Task ReleaseAsync(VarnDbContext db)
    {
        if (db.AuditSave?.OwnTransaction is { } transaction)
        {
            await transaction.DisposeAsync();
        }
        db.AuditSave = null;
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

    private static List<AuditSave.Change> Collect(VarnDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not DataProtectionKey and not IAuditedElsewhere)
            .Select(e => new AuditSave.Change(e, e.State, e.State == EntityState.Modified
                ? e.Properties.Where(p => p.IsModified && !Unremarkable.Contains(p.Metadata.Name)).Select(p => p.Metadata.Name).ToArray()
                : []))
            .Where(c => c.State != EntityState.Modified || c.Properties.Length > 0)
            .ToList();
    }

    private static AuditEntry Describe(AuditSave.Change change, CurrentActor actor, DateTime now)
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

/// <summary>A save in progress on one context: what it changed, the transaction it opened, and where the chain stands.</summary>
internal sealed class AuditSave(List<AuditSave.Change> changes)
{
    public sealed record Change(EntityEntry Entry, EntityState State, string[] Properties);

    public List<Change> Changes { get; } = changes;
    public IDbContextTransaction? OwnTransaction { get; set; }
    /// <summary>The audit rows themselves are being saved (the interceptor's own, nested save).</summary>
    public bool WritingAudit { get; set; }
    public long Sequence { get; set; }
    public string PreviousHash { get; set; } = AuditChain.Genesis;

    public void Chain(IEnumerable<AuditEntry> rows)
    {
        foreach (var row in rows)
        {
            row.Sequence = ++Sequence;
            row.PreviousHash = PreviousHash;
            row.Hash = AuditChain.HashOf(row);
            PreviousHash = row.Hash;
        }
    }
}
