using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varn.Web.Pages.Plans.Activities;

/// <summary>
/// Edits an activity. While the plan is a draft everything may change; once it is decided only the status and its
/// comment (follow-up). Two people saving the same activity: the second gets a conflict and the first's change stays.
/// </summary>
public class EditModel(VarnDbContext db, PlanGuard plans, Varn.Core.FollowUp.FollowUpRounds rounds) : VarnPageModel, IActivityForm
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public ActionPlan Plan { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> UnitItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RegisterItems { get; private set; } = [];
    public Activity Activity { get; private set; } = null!;

    /// <summary>The stored version when a save conflicted, shown beside what the person wrote.</summary>
    public Activity? Saved { get; private set; }

    /// <summary>Only status and comment: the plan is locked, or the person follows up their unit's activity.</summary>
    public bool StatusOnly => !Plan.Stage.ContentIsEditable() || !Access.CanEditPlans(Plan.CouncilId);
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    /// <summary>The activity in every follow-up round, back through the plans it was carried from.</summary>
    public IReadOnlyList<Varn.Core.FollowUp.FollowUpRounds.HistoryLine> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string council, int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, id, cancellationToken) is { } missing)
        {
            return missing;
        }
        Input = ActivityInput.From(Activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, id, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (!Plan.Stage.StatusIsEditable())
        {
            return Conflict(T["Planen är {0} och kan inte längre ändras.", T[Plan.Stage.Label()].Value.ToLowerInvariant()]);
        }
        if (StatusOnly && Request.Form.ContainsKey("Input.Text") && Access.CanEditPlans(Plan.CouncilId))
        {
            // The form was opened while the plan was a draft; it has been decided since.
            return Conflict(T["Planen har hunnit gå vidare till steget «{0}» och är låst. Dina ändringar sparades inte; bara status och kommentar kan nu ändras.", T[Plan.Stage.Label()]]);
        }
        Input.Validate(ModelState, T, StatusOnly, UnitItems, RegisterItems);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Input.ApplyTo(Activity, StatusOnly);
        plans.MarkChanged(Plan);
        if (!await db.SaveIfUnchangedAsync(Activity, Input.Version, cancellationToken))
        {
            Saved = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (Saved is null)
            {
                Flash = T["Aktiviteten har tagits bort av någon annan medan du ändrade den. Dina ändringar sparades inte."];
                return Redirect(PlanPath);
            }
            // The form now carries the stored version: saving again is a deliberate choice to replace it.
            ModelState.Remove("Input.Version");
            Input.Version = Saved.Version;
            return Conflict(T["Någon annan har sparat ändringar i aktiviteten sedan du öppnade den. Dina ändringar är inte sparade. Jämför med den sparade versionen nedan och spara igen om dina ändringar ska gälla."]);
        }
        Flash = T["Aktiviteten är sparad."];
        return Redirect($"{PlanPath}#aktivitet-{Activity.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, int id, CancellationToken cancellationToken)
    {
        var (plan, _) = await plans.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        var activity = plan is null ? null : await db.Activities.FirstOrDefaultAsync(a => a.Id == id && a.PlanId == plan.Id, cancellationToken);
        if (plan is null || activity is null)
        {
            return NotFound();
        }
        Plan = plan;
        Activity = activity;
        UnitItems = await ActivityInput.UnitItemsAsync(db, plan.CouncilId, cancellationToken);
        RegisterItems = await ActivityInput.RegisterItemsAsync(db, plan.CouncilId, cancellationToken);
        History = await rounds.HistoryAsync(activity.Id, cancellationToken);
        return Access.CanFollowUp(plan.CouncilId, activity.ResponsibleUnitId) ? null : Forbidden();
    }
}
