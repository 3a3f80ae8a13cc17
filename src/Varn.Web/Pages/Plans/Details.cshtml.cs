using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Plans;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans;

public class DetailsModel(VarnDbContext db) : VarnPageModel
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
    public string PlanPath => PlanQueries.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await PlanToEditAsync(db, council, year, cancellationToken);
        if (plan is null)
        {
            return refusal!;
        }
        Plan = plan;
        Input = new DetailsInput { Title = plan.Title, Diarienummer = plan.Diarienummer, Version = plan.Version };
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
            return Conflict($"Planen är låst i steget «{plan.Stage.Label()}». Uppgifterna sparades inte.");
        }
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Ange planens titel.");
        }
        else if (Input.Title.Length > 500)
        {
            ModelState.AddModelError("Input.Title", "Titeln får vara högst 500 tecken.");
        }
        if (Input.Diarienummer?.Length > 100)
        {
            ModelState.AddModelError("Input.Diarienummer", "Diarienumret får vara högst 100 tecken.");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        db.Entry(plan).Property(p => p.Version).OriginalValue = Input.Version;
        plan.Title = Input.Title!.Trim();
        plan.Diarienummer = string.IsNullOrWhiteSpace(Input.Diarienummer) ? null : Input.Diarienummer.Trim();
        plan.Version = Input.Version + 1;
        plan.UpdatedAt = DateTime.UtcNow;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("Någon annan har ändrat planen sedan du öppnade sidan. Dina ändringar är inte sparade; ladda om sidan och försök igen.");
        }
        Flash = "Uppgifterna är sparade.";
        return Redirect(PlanPath);
    }
}
