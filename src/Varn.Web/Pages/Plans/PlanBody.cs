using Varn.Core.Schedules;

namespace Varn.Web.Pages.Plans;

/// <summary>
/// A plan's sections and activity tables, ready to show: on the plan page, on the public page and in print.
/// The columns follow what the plan uses (Samverkan, Tidplan, Uppföljning only where any activity has them). With
/// <c>figuresOn</c>, activities that point to a register carry its live figure (the plan page for signed-in people); with
/// <c>overdue</c>, the flag of the latest follow-up round.
/// </summary>
public sealed class PlanBody
{
    public sealed record ActivityRow(
        int Id, ActivityArea Area, string Text, string Responsible, IReadOnlyList<string> Partners, string? Schedule, string? ScheduleMeaning,
        string? FollowUp, ActivityStatus Status, string? StatusComment, bool Carried, bool CanFollowUp, string? RegisterFigure = null, string? Overdue = null);

    public required string PlanPath { get; init; }
    public required IReadOnlyDictionary<SectionKey, string> Sections { get; init; }
    public required ILookup<ActivityArea, ActivityRow> Activities { get; init; }
    public bool ShowPartners { get; init; }
    public bool ShowSchedule { get; init; }
    public bool ShowFollowUp { get; init; }

    /// <summary>Edit links and forms are shown (the person may edit, and the plan is a draft).</summary>
    public bool Editable { get; init; }

    public static async Task<PlanBody> LoadAsync(VarnDbContext db, ActionPlan plan, bool editable, Func<Activity, bool> canFollowUp, CancellationToken cancellationToken, DateOnly? figuresOn = null, IReadOnlyDictionary<int, string>? overdue = null)
    {
        var sections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == plan.Id).ToDictionaryAsync(s => s.Key, s => s.Text, cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Order).ToListAsync(cancellationToken);
        var figures = figuresOn is { } today ? await RegisterFigures.DescribeAsync(db, plan.CouncilId, plan.Year, activities, today, cancellationToken) : new Dictionary<int, string>();
        return new PlanBody
        {
            PlanPath = PlanGuard.PathOf(plan.Council!.Short, plan.Year),
            Sections = sections,
            Activities = activities
                .Select(a => new ActivityRow(a.Id, a.Area, a.Text, a.Responsible, a.Partners, a.Schedule, a.ParsedSchedule?.Describe(), a.FollowUp,
                    a.Status, a.StatusComment, a.CarriedFromId is not null, canFollowUp(a), figures.GetValueOrDefault(a.Id), overdue?.GetValueOrDefault(a.Id)))
                .ToLookup(a => a.Area),
            ShowPartners = activities.Any(a => a.Partners.Count > 0),
            ShowSchedule = activities.Any(a => a.Schedule is not null),
            ShowFollowUp = activities.Any(a => a.FollowUp is not null),
            Editable = editable,
        };
    }
}
