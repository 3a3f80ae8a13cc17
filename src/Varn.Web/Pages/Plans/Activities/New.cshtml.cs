using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varn.Web.Pages.Plans.Activities;

public class NewModel(VarnDbContext db, PlanGuard plans) : VarnPageModel, IActivityForm
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public ActionPlan Plan { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> UnitItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RegisterItems { get; private set; } = [];

    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, string? omrade, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.ChangeContent, cancellationToken);
        Plan = plan!;
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        UnitItems = await ActivityInput.UnitItemsAsync(db, Plan.CouncilId, cancellationToken);
        RegisterItems = await ActivityInput.RegisterItemsAsync(db, Plan.CouncilId, cancellationToken);
        Input = new ActivityInput
        {
            Area = Codes.TryParse<ActivityArea>(omrade, out var area) ? omrade : Codes.Of(ActivityArea.Prevention),
            Status = Codes.Of(ActivityStatus.Planned),
        };
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
        UnitItems = await ActivityInput.UnitItemsAsync(db, Plan.CouncilId, cancellationToken);
        RegisterItems = await ActivityInput.RegisterItemsAsync(db, Plan.CouncilId, cancellationToken);
        Input.Validate(ModelState, T, statusOnly: false, UnitItems, RegisterItems);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var activity = new Activity { PlanId = Plan.Id, Text = "" };
        Input.ApplyTo(activity, statusOnly: false);
        activity.Order = 1 + (await db.Activities.Where(a => a.PlanId == Plan.Id && a.Area == activity.Area).MaxAsync(a => (int?)a.Order, cancellationToken) ?? 0);
        db.Activities.Add(activity);
        plans.MarkChanged(Plan);
        await db.SaveChangesAsync(cancellationToken);
        Flash = T["Aktiviteten är tillagd."];
        return Redirect($"{PlanPath}#aktivitet-{activity.Id}");
    }
}
