namespace Varn.Core.Plans;

/// <summary>One text section of a plan, in Markdown.</summary>
public class PlanSection
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan? Plan { get; set; }
    public SectionKey Key { get; set; }
    public string Text { get; set; } = "";
    public int Version { get; set; }
}
