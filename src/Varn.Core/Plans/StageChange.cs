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
