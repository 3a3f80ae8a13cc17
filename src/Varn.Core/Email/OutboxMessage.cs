using Varn.Core.Audit;

namespace Varn.Core.Email;

public enum OutboxState
{
    Pending,
    Sent,

    /// <summary>Dead letter: given up after the last attempt; the administrator sees why.</summary>
    Failed,
}

/// <summary>
/// An e-mail waiting to go, written in the same transaction as the change that causes it (an invitation, a reminder).
/// A link in the body is a credential: the body is removed once the message is sent or given up.
/// </summary>
public class OutboxMessage : IAuditedElsewhere
{
    public int Id { get; set; }

    /// <summary>What the message is about, for the administrator's list: "survey.invitation", "survey.reminder" …</summary>
    public required string Kind { get; set; }

    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public OutboxState State { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>A sender has taken the message until then; another instance leaves it alone.</summary>
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        e.HasIndex(x => new { x.State, x.NextAttemptAt });
        e.Property(x => x.Kind).HasMaxLength(60);
        e.Property(x => x.Recipient).HasMaxLength(200);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Body).HasMaxLength(20_000);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.Property(x => x.LockedBy).HasMaxLength(100);
    }
}
