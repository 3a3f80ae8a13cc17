using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varn.Web.Pages.Plans;

public class StageModel(VarnDbContext db, PlanGuard plans, PlanLifecycle lifecycle, Varn.Core.Situation.SituationPictures pictures) : VarnPageModel
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
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public IEnumerable<SelectListItem> StageItems => Plan.Stage.NextStages().Select(s => new SelectListItem(s.Label(), Codes.Of(s)));

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Manage, cancellationToken);
        Plan = plan!;
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        Input = new StageInput
        {
            To = Plan.Stage.NextStages().Select(Codes.Of).FirstOrDefault(),
            Diarienummer = Plan.Diarienummer,
            DecidedOn = Plan.DecidedOn,
            ApprovedOn = Plan.ApprovedOn,
            Version = Plan.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Manage, cancellationToken);
        Plan = plan!;
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        if (!Codes.TryParse<PlanStage>(Input.To, out var to))
        {
            ModelState.AddModelError("Input.To", T["Välj vilket steg planen ska till."]);
        }
        if (Input.Note?.Length > 1000)
        {
            ModelState.AddModelError("Input.Note", T["Anteckningen får vara högst 1000 tecken."]);
        }
        if (Input.Diarienummer?.Length > 100)
        {
            ModelState.AddModelError("Input.Diarienummer", T["Diarienumret får vara högst 100 tecken."]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        db.Entry(Plan).Property(p => p.Version).OriginalValue = Input.Version;
        var errors = lifecycle.ChangeStage(Plan, new StageChangeRequest(to, Input.Diarienummer, Input.DecidedOn, Input.ApprovedOn, Input.Note), Actor);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        if (to == PlanStage.Approved)
        {
            // The picture the plan rests on is kept as it was on the day of approval, in the same save.
            await pictures.FreezeAsync(Plan.Council!, Plan.Year, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash = T["Någon annan ändrade planen samtidigt. Steget ändrades inte; kontrollera planen och försök igen."];
            return Redirect(PlanPath);
        }
        Flash = T["Planen är nu i steget «{0}».", T[Plan.Stage.Label()]];
        return Redirect(PlanPath);
    }
}
