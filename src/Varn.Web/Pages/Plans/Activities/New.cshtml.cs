using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Interchange;
using Varn.Core.Plans;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans.Activities;

public class NewModel(VarnDbContext db) : VarnPageModel, IActivityForm
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public ActionPlan Plan { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> UnitItems { get; private set; } = [];

    public string PlanPath => PlanQueries.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, string? omrade, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await PlanToEditAsync(db, council, year, cancellationToken);
        if (plan is null)
        {
            return refusal!;
        }
        Plan = plan;
        if (!plan.Stage.ContentIsEditable())
        {
            return Conflict($"Planen är låst i steget «{plan.Stage.Label()}». Nya aktiviteter kan inte läggas till.");
        }
        UnitItems = await ActivityInput.UnitItemsAsync(db, plan.CouncilId, cancellationToken);
        Input = new ActivityInput
        {
            Area = Codes.TryParse<ActivityArea>(omrade, out var area) ? omrade : Codes.Of(ActivityArea.Prevention),
            Status = Codes.Of(ActivityStatus.Planned),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await PlanToEditAsync(db, council, year, cancellationToken);
        if (plan is null)
        {
            return refusal!;
        }
        Plan = plan;
        if (!plan.Stage.ContentIsEditable())
        {
            return Conflict($"Planen är låst i steget «{plan.Stage.Label()}». Aktiviteten sparades inte.");
        }
        UnitItems = await ActivityInput.UnitItemsAsync(db, plan.CouncilId, cancellationToken);
        Input.Validate(ModelState, statusOnly: false, UnitItems);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var activity = new Activity { PlanId = plan.Id, Text = "" };
        Input.ApplyTo(activity, statusOnly: false);
        activity.Order = 1 + (await db.Activities.Where(a => a.PlanId == plan.Id && a.Area == activity.Area).MaxAsync(a => (int?)a.Order, cancellationToken) ?? 0);
        db.Activities.Add(activity);
        plan.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        Flash = "Aktiviteten är tillagd.";
        return Redirect($"{PlanPath}#aktivitet-{activity.Id}");
    }
}
