namespace Varn.Web.Pages.Plans;

public class DetailsModel(VarnDbContext db, PlanGuard plans) : VarnPageModel
{
    public sealed class DetailsInput
    {
        public string? Title { get; set; }
        public string? Diarienummer { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    public ActionPlan Plan { get; private set; } = null!;
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Manage, cancellationToken);
        Plan = plan!;
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        Input = new DetailsInput { Title = Plan.Title, Diarienummer = Plan.Diarienummer, Version = Plan.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.ChangeContent, cancellationToken);
        Plan = plan!;
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", T["Ange planens titel."]);
        }
        else if (Input.Title.Length > 500)
        {
            ModelState.AddModelError("Input.Title", T["Titeln får vara högst 500 tecken."]);
        }
        if (Input.Diarienummer?.Length > 100)
        {
            ModelState.AddModelError("Input.Diarienummer", T["Diarienumret får vara högst 100 tecken."]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        Plan.Title = Input.Title!.Trim();
        Plan.Diarienummer = string.IsNullOrWhiteSpace(Input.Diarienummer) ? null : Input.Diarienummer.Trim();
        plans.MarkChanged(Plan);
        if (!await db.SaveIfUnchangedAsync(Plan, Input.Version, cancellationToken))
        {
            return Conflict(T["Någon annan har ändrat planen sedan du öppnade sidan. Dina ändringar är inte sparade; ladda om sidan och försök igen."]);
        }
        Flash = T["Uppgifterna är sparade."];
        return Redirect(PlanPath);
    }
}
