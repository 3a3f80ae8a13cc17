using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Interchange;
using Varn.Core.Plans;
using Varn.Core.Schedules;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans;

public class ShowModel(VarnDbContext db) : VarnPageModel
{
    public sealed record ActivityRow(
        int Id, ActivityArea Area, string Text, string Responsible, IReadOnlyList<string> Partners, string? Schedule, string? ScheduleMeaning,
        string? FollowUp, ActivityStatus Status, string? StatusComment, bool Carried);

    public sealed record StageRow(PlanStage? From, PlanStage To, string ChangedBy, DateTime ChangedAt, string? Note);

    public ActionPlan Plan { get; private set; } = null!;
    public string CouncilName { get; private set; } = "";
    public string? RevisedFromPath { get; private set; }
    public IReadOnlyDictionary<SectionKey, string> Sections { get; private set; } = new Dictionary<SectionKey, string>();
    public ILookup<ActivityArea, ActivityRow> Activities { get; private set; } = Array.Empty<ActivityRow>().ToLookup(a => ActivityArea.Prevention);
    public IReadOnlyList<StageRow> StageHistory { get; private set; } = [];
    public bool ShowPartners { get; private set; }
    public bool ShowSchedule { get; private set; }
    public bool ShowFollowUp { get; private set; }
    public string PlanPath => PlanQueries.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        await LoadAsync(plan, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        var document = (await PlanExporter.LoadAsync(db, plan.Id, cancellationToken))!;
        return File(PlanDocumentWriter.Write(document), "application/json; charset=utf-8", $"{council}-{year}.varn-plan.json");
    }

    /// <summary>Moves an activity one place up or down within its table.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string council, int year, int activityId, string direction, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        if (!plan.Stage.ContentIsEditable())
        {
            Flash = "Planen är låst i steget " + plan.Stage.Label() + " och kan inte ändras.";
            return Redirect(PlanQueries.PathOf(council, year));
        }
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId && a.PlanId == plan.Id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        var neighbours = db.Activities.Where(a => a.PlanId == plan.Id && a.Area == activity.Area);
        var neighbour = direction == "up"
            ? await neighbours.Where(a => a.Order < activity.Order).OrderByDescending(a => a.Order).FirstOrDefaultAsync(cancellationToken)
            : await neighbours.Where(a => a.Order > activity.Order).OrderBy(a => a.Order).FirstOrDefaultAsync(cancellationToken);
        if (neighbour is not null)
        {
            (activity.Order, neighbour.Order) = (neighbour.Order, activity.Order);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Redirect($"{PlanQueries.PathOf(council, year)}#aktivitet-{activity.Id}");
    }

    private async Task LoadAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        Plan = plan;
        CouncilName = plan.Council!.Name;
        if (plan.RevisedFromId is { } fromId)
        {
            RevisedFromPath = await db.Plans.Where(p => p.Id == fromId).Select(p => PlanQueries.PathOf(p.Council!.Short, p.Year)).FirstOrDefaultAsync(cancellationToken);
        }
        Sections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == plan.Id).ToDictionaryAsync(s => s.Key, s => s.Text, cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id).OrderBy(a => a.Order).ToListAsync(cancellationToken);
        Activities = activities
            .Select(a => new ActivityRow(a.Id, a.Area, a.Text, a.Responsible, a.Partners, a.Schedule, a.ParsedSchedule?.Describe(), a.FollowUp, a.Status, a.StatusComment, a.CarriedFromId is not null))
            .ToLookup(a => a.Area);
        ShowPartners = activities.Any(a => a.Partners.Count > 0);
        ShowSchedule = activities.Any(a => a.Schedule is not null);
        ShowFollowUp = activities.Any(a => a.FollowUp is not null);
        StageHistory = await db.StageChanges.AsNoTracking()
            .Where(s => s.PlanId == plan.Id)
            .OrderBy(s => s.ChangedAt).ThenBy(s => s.Id)
            .Select(s => new StageRow(s.From, s.To, s.ChangedBy, s.ChangedAt, s.Note))
            .ToListAsync(cancellationToken);
    }
}
