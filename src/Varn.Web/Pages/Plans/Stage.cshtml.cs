using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Interchange;
using Varn.Core.Plans;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans;

public class StageModel(VarnDbContext db, PlanLifecycle lifecycle) : VarnPageModel
{
    public sealed class StageInput
    {
        public string? To { get; set; }
        public string? Diarienummer { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public StageInput Input { get; set; } = new();

    public ActionPlan Plan { get; private set; } = null!;
    public string PlanPath => PlanQueries.PathOf(Plan.Council!.Short, Plan.Year);

    public IEnumerable<SelectListItem> StageItems => Plan.Stage.NextStages().Select(s => new SelectListItem(s.Label(), Codes.Of(s)));

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await PlanToEditAsync(db, council, year, cancellationToken);
        if (plan is null)
        {
            return refusal!;
        }
        Plan = plan;
        Input = new StageInput
        {
            To = plan.Stage.NextStages().Select(Codes.Of).FirstOrDefault(),
            Diarienummer = plan.Diarienummer,
            DecidedOn = plan.DecidedOn,
            ApprovedOn = plan.ApprovedOn,
            Version = plan.Version,
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
        if (!Codes.TryParse<PlanStage>(Input.To, out var to))
        {
            ModelState.AddModelError("Input.To", "Välj vilket steg planen ska till.");
        }
        if (Input.Note?.Length > 1000)
        {
            ModelState.AddModelError("Input.Note", "Anteckningen får vara högst 1000 tecken.");
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
        var errors = lifecycle.ChangeStage(plan, new StageChangeRequest(to, Input.Diarienummer, Input.DecidedOn, Input.ApprovedOn, Input.Note), Actor);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash = "Någon annan ändrade planen samtidigt. Steget ändrades inte; kontrollera planen och försök igen.";
            return Redirect(PlanPath);
        }
        Flash = $"Planen är nu i steget «{plan.Stage.Label()}».";
        return Redirect(PlanPath);
    }
}
