namespace Varn.Web.Pages.Plans.Activities;

public class DeleteModel(VarnDbContext db, PlanGuard plans) : VarnPageModel
{
    [BindProperty]
    public int Version { get; set; }

    public ActionPlan Plan { get; private set; } = null!;
    public Activity Activity { get; private set; } = null!;
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, id, PlanPurpose.Manage, cancellationToken) is { } refused)
        {
            return refused;
        }
        Version = Activity.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, id, PlanPurpose.ChangeContent, cancellationToken) is { } refused)
        {
            return refused;
        }
        db.Entry(Activity).Property(a => a.Version).OriginalValue = Version;
        db.Activities.Remove(Activity);
        plans.MarkChanged(Plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash = T["Aktiviteten har ändrats eller tagits bort av någon annan sedan du öppnade den. Den togs inte bort; kontrollera den och försök igen."];
            return Redirect(PlanPath);
        }
        Flash = T["Aktiviteten är borttagen."];
        return Redirect(PlanPath);
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, int id, PlanPurpose purpose, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, purpose, cancellationToken);
        var activity = plan is null ? null : await db.Activities.FirstOrDefaultAsync(a => a.Id == id && a.PlanId == plan.Id, cancellationToken);
        if (plan is null || activity is null)
        {
            return NotFound();
        }
        Plan = plan;
        Activity = activity;
        return refusal is null ? null : Refuse(refusal);
    }
}
