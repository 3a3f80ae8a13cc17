namespace Varn.Core.Audit;

/// <summary>
/// One row of the append-only audit log (DESIGN §5 rule 4): what was done, by whom, when — never the content of
/// what was changed. Each row carries the hash of the row before it, so an altered or removed row breaks the chain.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The position in the chain, from 1. Rows are verified in this order.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, whole milliseconds (the precision both databases keep exactly).</summary>
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public string? ActorId { get; set; }
    public required string Action { get; set; }
    public string? Entity { get; set; }
    public string? EntityId { get; set; }
    public string? Summary { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(x => x.Sequence).IsUnique();
        e.HasIndex(x => x.At);
        e.Property(x => x.Actor).HasMaxLength(200);
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.Action).HasMaxLength(100);
        e.Property(x => x.Entity).HasMaxLength(100);
        e.Property(x => x.EntityId).HasMaxLength(100);
        e.Property(x => x.Summary).HasMaxLength(1000);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
    }
}
