using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Plans;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans.Activities;

public class DeleteModel(VarnDbContext db) : VarnPageModel
{
    [BindProperty]
    public int Version { get; set; }

    public ActionPlan Plan { get; private set; } = null!;
    public Activity Activity { get; private set; } = null!;
    public string PlanPath => PlanQueries.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, id, cancellationToken) is { } missing)
        {
            return missing;
        }
        Version = Activity.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, id, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (!Plan.Stage.ContentIsEditable())
        {
            return Conflict($"Planen är låst i steget «{Plan.Stage.Label()}». Aktiviteten togs inte bort.");
        }
        db.Entry(Activity).Property(a => a.Version).OriginalValue = Version;
        db.Activities.Remove(Activity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash = "Aktiviteten har ändrats eller tagits bort av någon annan sedan du öppnade den. Den togs inte bort; kontrollera den och försök igen.";
            return Redirect(PlanPath);
        }
        Flash = "Aktiviteten är borttagen.";
        return Redirect(PlanPath);
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, int id, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        var activity = plan is null ? null : await db.Activities.FirstOrDefaultAsync(a => a.Id == id && a.PlanId == plan.Id, cancellationToken);
        if (plan is null || activity is null)
        {
            return NotFound();
        }
        Plan = plan;
        Activity = activity;
        return Access.CanEditPlans(plan.CouncilId) ? null : Forbidden();
    }
}
