using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Audit;
using Varn.Core.Data;
using Varn.Core.Interchange;
using Varn.Core.Plans;
using Varn.Web.Documents;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans;

public class ShowModel(VarnDbContext db, AuditLog audit, PlanRevision revision) : VarnPageModel
{
    public sealed record StageRow(PlanStage? From, PlanStage To, string ChangedBy, DateTime ChangedAt, string? Note);

    public ActionPlan Plan { get; private set; } = null!;
    public string CouncilName { get; private set; } = "";
    public string? RevisedFromPath { get; private set; }
    public PlanBody Body { get; private set; } = null!;

    /// <summary>Last year's activities and how they ended, when this plan is a revision.</summary>
    public PlanForDocument? Previous { get; private set; }
    public IReadOnlyList<StageRow> StageHistory { get; private set; } = [];
    public string PlanPath => PlanQueries.PathOf(Plan.Council!.Short, Plan.Year);

    /// <summary>This person may change texts and activities now (their council's plan, and still a draft).</summary>
    public bool CanEditContent { get; private set; }

    /// <summary>This person may change the plan's stage.</summary>
    public bool CanChangeStage { get; private set; }

    /// <summary>This person may create next year's plan from this one, and there is none yet.</summary>
    public bool CanRevise { get; private set; }

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        await LoadAsync(plan, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        var document = (await PlanExporter.LoadAsync(db, plan.Id, cancellationToken))!;
        await audit.RecordAsync("plan.exported", nameof(ActionPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "varn.plan/1", cancellationToken);
        return File(PlanDocumentWriter.Write(document), "application/json; charset=utf-8", $"{council}-{year}.varn-plan.json");
    }

    public async Task<IActionResult> OnGetWordAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        var source = (await PlanForDocument.LoadAsync(db, plan.Id, cancellationToken))!;
        await audit.RecordAsync("plan.exported", nameof(ActionPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Word", cancellationToken);
        return File(PlanWordExporter.Write(source), PlanWordExporter.ContentType, $"{council}-{year}.docx");
    }

    /// <summary>Creates next year's draft from this plan and opens it.</summary>
    public async Task<IActionResult> OnPostReviseAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        if (!Access.CanEditPlans(plan.CouncilId))
        {
            return Forbidden();
        }
        var (next, error) = await revision.ReviseAsync(plan.Id, Actor, cancellationToken);
        if (next is null)
        {
            Flash = error;
            return Redirect(PlanQueries.PathOf(council, year));
        }
        Flash = $"{next.Year} års plan är skapad som utkast från {year} års plan. Aktiviteter som inte var genomförda eller inställda är överförda.";
        return Redirect(PlanQueries.PathOf(council, next.Year));
    }

    /// <summary>Moves an activity one place up or down within its table.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string council, int year, int activityId, string direction, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        if (!Access.CanEditPlans(plan.CouncilId))
        {
            return Forbidden();
        }
        if (!plan.Stage.ContentIsEditable())
        {
            Flash = "Planen är låst i steget " + plan.Stage.Label() + " och kan inte ändras.";
            return Redirect(PlanQueries.PathOf(council, year));
        }
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == activityId && a.PlanId == plan.Id, cancellationToken);
        if (activity is null)
        {
            Flash = "Aktiviteten finns inte längre i planen.";
            return Redirect(PlanQueries.PathOf(council, year));
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
        var mayEdit = Access.CanEditPlans(plan.CouncilId);
        CanEditContent = mayEdit && plan.Stage.ContentIsEditable();
        CanChangeStage = mayEdit && plan.Stage.NextStages().Count > 0;
        var statusOpen = plan.Stage.StatusIsEditable();
        CanRevise = mayEdit && plan.Stage is PlanStage.Decided or PlanStage.Approved
            && !await db.Plans.AnyAsync(p => p.CouncilId == plan.CouncilId && p.Year == plan.Year + 1, cancellationToken);
        if (plan.RevisedFromId is { } fromId)
        {
            RevisedFromPath = await db.Plans.Where(p => p.Id == fromId).Select(p => PlanQueries.PathOf(p.Council!.Short, p.Year)).FirstOrDefaultAsync(cancellationToken);
        }
        if (plan.RevisedFromId is not null)
        {
            Previous = await PlanForDocument.LoadAsync(db, plan.Id, cancellationToken);
        }
        Body = await PlanBody.LoadAsync(db, plan, CanEditContent, a => statusOpen && Access.CanFollowUp(plan.CouncilId, a.ResponsibleUnitId), cancellationToken);
        StageHistory = await db.StageChanges.AsNoTracking()
            .Where(s => s.PlanId == plan.Id)
            .OrderBy(s => s.ChangedAt).ThenBy(s => s.Id)
            .Select(s => new StageRow(s.From, s.To, s.ChangedBy, s.ChangedAt, s.Note))
            .ToListAsync(cancellationToken);
    }
}
