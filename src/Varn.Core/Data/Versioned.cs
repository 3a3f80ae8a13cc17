namespace Varn.Core.Data;

/// <summary>
/// An entity saved under optimistic concurrency: a form carries the version it showed, and a save on top of someone
/// else's newer version is refused instead of overwriting it. The same integer column on SQLite and PostgreSQL.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class VersionedSave
{
    /// <summary>
    /// Saves the pending changes on condition that <paramref name="entity"/> is still at the version the person saw.
    /// False, and nothing saved, when someone else saved it first.
    /// </summary>
    public static async Task<bool> SaveIfUnchangedAsync(this VarnDbContext db, IVersioned entity, int shownVersion, CancellationToken cancellationToken = default)
    {
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = shownVersion;
        entity.Version = shownVersion + 1;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
