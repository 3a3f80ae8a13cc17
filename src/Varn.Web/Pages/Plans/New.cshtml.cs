using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varn.Web.Pages.Plans;

/// <summary>A new plan for a council and year, created from the city's template texts.</summary>
public class NewModel(VarnDbContext db, PlanLifecycle lifecycle, TimeProvider clock) : VarnPageModel
{
    public sealed class NewPlanInput
    {
        public string? Council { get; set; }
        public int? Year { get; set; }
    }

    [BindProperty]
    public NewPlanInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Councils { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadCouncilsAsync(cancellationToken);
        if (Councils.Count == 0)
        {
            return Forbidden();
        }
        Input.Year = clock.Today().Year + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadCouncilsAsync(cancellationToken);
        if (Councils.Count == 0)
        {
            return Forbidden();
        }
        var council = await db.Councils.FirstOrDefaultAsync(c => c.Short == Input.Council, cancellationToken);
        if (council is null || !Access.CanEditPlans(council.Id))
        {
            ModelState.AddModelError("Input.Council", T["Välj nämnd."]);
        }
        var thisYear = clock.Today().Year;
        if (Input.Year is null)
        {
            if (!ModelState.ContainsKey("Input.Year") || ModelState["Input.Year"]!.Errors.Count == 0)
            {
                ModelState.AddModelError("Input.Year", T["Ange vilket år planen gäller."]);
            }
        }
        else if (Input.Year < 2000 || Input.Year > thisYear + 5)
        {
            ModelState.AddModelError("Input.Year", T["Ange ett år mellan 2000 och {0}.", thisYear + 5]);
        }
        else if (council is not null && await db.Plans.AnyAsync(p => p.CouncilId == council.Id && p.Year == Input.Year, cancellationToken))
        {
            ModelState.AddModelError("Input.Year", T["{0} har redan en plan för {1}.", council.Name, Input.Year]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var plan = await lifecycle.CreateFromTemplateAsync(council!, Input.Year!.Value, Actor, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return FieldConflict("Input.Year", T["{0} fick just en plan för {1} av någon annan. Öppna den från listan över planer.", council!.Name, Input.Year]);
        }
        Flash = T["Planen är skapad från stadens mall."];
        return Redirect(PlanGuard.PathOf(council!.Short, plan.Year));
    }

    private async Task LoadCouncilsAsync(CancellationToken cancellationToken)
    {
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        Councils = councils.Where(c => Access.CanEditPlans(c.Id)).Select(c => new SelectListItem(c.Name, c.Short)).ToList();
    }
}
