namespace Varn.Core.Plans;

/// <summary>The lifecycle of a plan (DESIGN C4), in order.</summary>
public enum PlanStage
{
    Draft,
    Consultation,
    Decided,
    Approved,
    Superseded,
}

public static class PlanStages
{
    public static string Label(this PlanStage stage) => stage switch
    {
        PlanStage.Draft => "Utkast",
        PlanStage.Consultation => "Samråd med polis",
        PlanStage.Decided => "Behandlad i nämnd",
        PlanStage.Approved => "Godkänd av kommunstyrelsen",
        PlanStage.Superseded => "Ersatt",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>
    /// A plan's content may be edited only before the council has treated it: what the council decided and
    /// the executive board approved is the record. A decided plan that needs changes goes back to draft.
    /// </summary>
    public static bool ContentIsEditable(this PlanStage stage) => stage is PlanStage.Draft or PlanStage.Consultation;

    /// <summary>Activity status and its comment are follow-up, and stay open while the plan is in force.</summary>
    public static bool StatusIsEditable(this PlanStage stage) => stage is not PlanStage.Superseded;

    /// <summary>The stage changes a person may make by hand. Superseded is set by the next year's revision, or by hand.</summary>
    public static IReadOnlyList<PlanStage> NextStages(this PlanStage stage) => stage switch
    {
        PlanStage.Draft => [PlanStage.Consultation],
        PlanStage.Consultation => [PlanStage.Decided, PlanStage.Draft],
        PlanStage.Decided => [PlanStage.Approved, PlanStage.Draft],
        PlanStage.Approved => [PlanStage.Superseded],
        PlanStage.Superseded => [],
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
