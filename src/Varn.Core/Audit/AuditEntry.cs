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
