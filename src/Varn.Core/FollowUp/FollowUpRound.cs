using Varn.Core.Plans;

namespace Varn.Core.FollowUp;

/// <summary>The three follow-up rounds of a plan's year: the tertial reports and the annual report.</summary>
public enum RoundKind
{
    T1,
    T2,
    Year,
}

public enum RoundState
{
    Open,
    Submitted,
}

public static class RoundKinds
{
    /// <summary>The code in addresses, the API and the ILS file: "T1", "T2", "year"; read back also as the label ("Årsuppföljning").</summary>
    public static string Code(this RoundKind kind) => kind == RoundKind.Year ? "year" : kind.ToString();

    public static bool TryParse(string? code, out RoundKind kind)
    {
        foreach (var candidate in Enum.GetValues<RoundKind>())
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.Label(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string Label(this RoundKind kind) => kind switch
    {
        RoundKind.T1 => "Tertial 1",
        RoundKind.T2 => "Tertial 2",
        RoundKind.Year => "Årsuppföljning",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The date the round reports on: 30 April, 31 August and 31 December of the plan's year.</summary>
    public static DateOnly Cutoff(this RoundKind kind, int year) => kind switch
    {
        RoundKind.T1 => new DateOnly(year, 4, 30),
        RoundKind.T2 => new DateOnly(year, 8, 31),
        RoundKind.Year => new DateOnly(year, 12, 31),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>When the round is due when the central coordinator has set no date: two weeks after the cut-off.</summary>
    public static DateOnly DefaultDue(this RoundKind kind, int year) => kind.Cutoff(year).AddDays(14);

    public static string StateCode(this RoundState state) => state == RoundState.Open ? "open" : "submitted";
}

/// <summary>
/// A follow-up round of one plan (C10): per activity a status and a comment, saved bit by bit while open; submitting
/// locks it as a snapshot and sets the activities' current status.
/// </summary>
public class FollowUpRound : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan? Plan { get; set; }
    public RoundKind Kind { get; set; }
    public RoundState State { get; set; }
    public DateTime OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public List<FollowUpEntry> Entries { get; set; } = [];
    public int Version { get; set; }

    public DateOnly Cutoff => Kind.Cutoff(Plan?.Year ?? throw new InvalidOperationException("The round's plan is not loaded."));
}

/// <summary>An activity's line in a round. <see cref="Overdue"/> is fixed when the round is submitted; while open it is computed.</summary>
public class FollowUpEntry
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public ActivityStatus Status { get; set; }
    public string? Comment { get; set; }
    public bool Overdue { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>The date by which a round of a year is to be submitted, set by the central coordinator.</summary>
public class FollowUpDueDate
{
    public int Id { get; set; }
    public int Year { get; set; }
    public RoundKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
}

public sealed class FollowUpRoundConfiguration : IEntityTypeConfiguration<FollowUpRound>
{
    public void Configure(EntityTypeBuilder<FollowUpRound> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.OpenedBy).HasMaxLength(200);
        e.Property(x => x.SubmittedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.PlanId, x.Kind }).IsUnique();
        e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FollowUpEntryConfiguration : IEntityTypeConfiguration<FollowUpEntry>
{
    public void Configure(EntityTypeBuilder<FollowUpEntry> e)
    {
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Comment).HasMaxLength(4000);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.HasIndex(x => new { x.RoundId, x.ActivityId }).IsUnique();
        e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FollowUpDueDateConfiguration : IEntityTypeConfiguration<FollowUpDueDate>
{
    public void Configure(EntityTypeBuilder<FollowUpDueDate> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.HasIndex(x => new { x.Year, x.Kind }).IsUnique();
    }
}
