using Varn.Core.FollowUp;
using Varn.Core.Plans.Interchange;

namespace Varn.Web.Pages.Plans;

public class ShowModel(VarnDbContext db, PlanGuard plans, PlanExport export, PlanRevision revision, FollowUpRounds rounds, TimeProvider clock) : VarnPageModel
{
    public sealed record StageRow(PlanStage? From, PlanStage To, string ChangedBy, DateTime ChangedAt, string? Note);

    public ActionPlan Plan { get; private set; } = null!;
    public string CouncilName { get; private set; } = "";
    public string? RevisedFromPath { get; private set; }
    public PlanBody Body { get; private set; } = null!;

    /// <summary>Last year's activities and how they ended, when this plan is a revision.</summary>
    public PlanForDocument? Previous { get; private set; }
    public IReadOnlyList<StageRow> StageHistory { get; private set; } = [];
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    /// <summary>This person may change texts and activities now (their council's plan, and still a draft).</summary>
    public bool CanEditContent { get; private set; }

    /// <summary>This person may change the plan's stage.</summary>
    public bool CanChangeStage { get; private set; }

    /// <summary>This person may see the plan's follow-up rounds (the council's people and the central coordinator).</summary>
    public bool CanSeeFollowUp { get; private set; }

    /// <summary>This person may create next year's plan from this one, and there is none yet.</summary>
    public bool CanRevise { get; private set; }

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        await LoadAsync(plan!, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnGetJsonAsync(string council, int year, CancellationToken cancellationToken) =>
        ExportAsync(council, year, PlanFormat.Json, cancellationToken);

    public Task<IActionResult> OnGetWordAsync(string council, int year, CancellationToken cancellationToken) =>
        ExportAsync(council, year, PlanFormat.Word, cancellationToken);

    /// <summary>Creates next year's draft from this plan and opens it.</summary>
    public async Task<IActionResult> OnPostReviseAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Manage, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        var (next, error) = await revision.ReviseAsync(plan!.Id, Actor, cancellationToken);
        if (next is null)
        {
            Flash = error;
            return Redirect(PlanGuard.PathOf(council, year));
        }
        Flash = T["{0} års plan är skapad som utkast från {1} års plan. Aktiviteter som inte var genomförda eller inställda är överförda.", next.Year, year];
        return Redirect(PlanGuard.PathOf(council, next.Year));
    }

    /// <summary>Moves an activity one place up or down within its table.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string council, int year, int activityId, string direction, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.ChangeContent, cancellationToken);
        if (refusal is { Kind: RefusalKind.Locked })
        {
            Flash = refusal.Message;
            return Redirect(PlanGuard.PathOf(council, year));
        }
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId && a.PlanId == plan!.Id, cancellationToken);
        if (activity is null)
        {
            Flash = T["Aktiviteten finns inte längre i planen."];
            return Redirect(PlanGuard.PathOf(council, year));
        }
        var neighbours = db.Activities.Where(a => a.PlanId == plan!.Id && a.Area == activity.Area);
        var neighbour = direction == "up"
            ? await neighbours.Where(a => a.Order < activity.Order).OrderByDescending(a => a.Order).FirstOrDefaultAsync(cancellationToken)
            : await neighbours.Where(a => a.Order > activity.Order).OrderBy(a => a.Order).FirstOrDefaultAsync(cancellationToken);
        if (neighbour is not null)
        {
            (activity.Order, neighbour.Order) = (neighbour.Order, activity.Order);
            plans.MarkChanged(plan!);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Redirect($"{PlanGuard.PathOf(council, year)}#aktivitet-{activity.Id}");
    }

    private async Task<IActionResult> ExportAsync(string council, int year, PlanFormat format, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        var file = await export.ExportAsync(plan!, format, "planens sida", cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task LoadAsync(ActionPlan plan, CancellationToken cancellationToken)
    {
        Plan = plan;
        CouncilName = plan.Council!.Name;
        var mayEdit = Access.CanEditPlans(plan.CouncilId);
        CanEditContent = mayEdit && plan.Stage.ContentIsEditable();
        CanChangeStage = mayEdit && plan.Stage.NextStages().Count > 0;
        var statusOpen = plan.Stage.StatusIsEditable();
        CanRevise = mayEdit && plan.Stage is PlanStage.Decided or PlanStage.Approved
            && !await db.Plans.AnyAsync(p => p.CouncilId == plan.CouncilId && p.Year == plan.Year + 1, cancellationToken);
        if (plan.RevisedFromId is { } fromId)
        {
            RevisedFromPath = await db.Plans.Where(p => p.Id == fromId).Select(p => PlanGuard.PathOf(p.Council!.Short, p.Year)).FirstOrDefaultAsync(cancellationToken);
        }
        if (plan.RevisedFromId is not null)
        {
            Previous = await PlanForDocument.LoadAsync(db, plan.Id, cancellationToken);
        }
        // The registers' figures for those who may read the council's picture; the latest round's overdue flags for those who see the rounds.
        CanSeeFollowUp = rounds.MaySee(plan);
        Dictionary<int, string>? overdue = null;
        if (CanSeeFollowUp && await rounds.LatestOverdueAsync(plan, cancellationToken) is { } latest)
        {
            overdue = latest.Overdue.ToDictionary(id => id, _ => T["Försenad vid {0}", T[latest.Kind.Label()].Value.ToLowerInvariant()].Value);
        }
        Body = await PlanBody.LoadAsync(db, plan, CanEditContent, a => statusOpen && Access.CanFollowUp(plan.CouncilId, a.ResponsibleUnitId), cancellationToken,
            Access.CanSeePicture(plan.CouncilId) ? clock.Today() : null, overdue);
        StageHistory = await db.StageChanges.AsNoTracking()
            .Where(s => s.PlanId == plan.Id)
            .OrderBy(s => s.ChangedAt).ThenBy(s => s.Id)
            .Select(s => new StageRow(s.From, s.To, s.ChangedBy, s.ChangedAt, s.Note))
            .ToListAsync(cancellationToken);
    }
}
