using Varn.Core.Organisation;

namespace Varn.Core.Plans.Interchange;

/// <summary>A plan in the interchange format <c>varn.plan/1</c> (DESIGN §6), read or about to be written.</summary>
public sealed record PlanDocument(
    PlanDocumentCouncil Council,
    int Year,
    string Title,
    string? Diarienummer,
    PlanStage Stage,
    IReadOnlyDictionary<SectionKey, string> Sections,
    IReadOnlyList<PlanDocumentActivity> Activities)
{
    public const string FormatName = "varn.plan/1";

    public string Section(SectionKey key) => Sections.TryGetValue(key, out var text) ? text : "";
}

public sealed record PlanDocumentCouncil(string Name, CouncilKind Kind);

public sealed record PlanDocumentActivity(
    ActivityArea Area,
    string Text,
    string Responsible,
    IReadOnlyList<string> Partners,
    string? Schedule,
    string? FollowUp,
    ActivityStatus Status)
{
    /// <summary>The activity to save, at the given place in its area.</summary>
    public Activity ToActivity(int order)
    {
        var activity = new Activity
        {
            Area = Area,
            Order = order,
            Text = Text,
            Responsible = Responsible,
            Partners = Partners.ToList(),
            FollowUp = FollowUp,
            Status = Status,
        };
        activity.SetSchedule(Schedule);
        return activity;
    }
}

/// <summary>One reason a document was refused: where (a JSON path such as <c>$.activities[3].status</c>) and why, in Swedish.</summary>
public sealed record FormatError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
