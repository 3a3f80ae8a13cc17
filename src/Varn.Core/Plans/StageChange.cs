namespace Varn.Core.Plans;

/// <summary>A recorded change of a plan's stage: who, when, from and to.</summary>
public class StageChange
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan? Plan { get; set; }
    public PlanStage? From { get; set; }
    public PlanStage To { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
    public string? Note { get; set; }
}

public sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> e)
    {
        e.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ChangedBy).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(1000);
    }
}
