namespace Varn.Core.Audit;

public sealed record AuditVerification(bool Intact, long Rows, long? FirstBrokenSequence, string Message);

/// <summary>Records events that change no entity (sign-in, export) and verifies the chain.</summary>
public sealed class AuditLog(VarnDbContext db, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Writes one row now. Call it after the action's own changes are saved; it saves whatever is pending.</summary>
    public async Task RecordAsync(string action, string? entity = null, string? entityId = null, string? summary = null, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime),
            Actor = actor.Name,
            ActorId = actor.UserId,
            Action = action,
            Entity = entity,
            EntityId = entityId,
            Summary = summary,
            PreviousHash = "",
            Hash = "",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes every row's hash in order; the first row that does not match breaks the chain.</summary>
    public static async Task<AuditVerification> VerifyAsync(VarnDbContext db, CancellationToken cancellationToken = default)
    {
        var previous = AuditChain.Genesis;
        long expected = 0;
        await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            expected++;
            if (row.Sequence != expected)
            {
                return new(false, expected - 1, expected, $"Rad {expected} saknas: loggen hoppar till rad {row.Sequence}.");
            }
            if (row.PreviousHash != previous || AuditChain.HashOf(row) != row.Hash)
            {
                return new(false, expected - 1, row.Sequence, $"Rad {row.Sequence} ({row.Action}, {row.At:yyyy-MM-dd HH:mm:ss}) har ändrats efter att den skrevs.");
            }
            previous = row.Hash;
        }
        return new(true, expected, null, $"Granskningsloggen är obruten: {expected} rader.");
    }
}
