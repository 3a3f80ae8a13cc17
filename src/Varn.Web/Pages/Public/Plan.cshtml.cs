using Varn.Core.Plans.Interchange;
using Varn.Web.Pages.Plans;

namespace Varn.Web.Pages.Public;

/// <summary>An approved plan, read-only, without signing in. Any other stage is not found here.</summary>
public class PlanModel(VarnDbContext db, PlanExport export) : VarnPageModel
{
    public ActionPlan Plan { get; private set; } = null!;
    public PlanBody Body { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        Body = await PlanBody.LoadAsync(db, plan, editable: false, _ => false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetWordAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        var file = await export.ExportAsync(plan, PlanFormat.Word, "offentlig sida", cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private Task<ActionPlan?> FindAsync(string council, int year, CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().Include(p => p.Council)
            .FirstOrDefaultAsync(p => p.Council!.Short == council && p.Year == year && p.Stage == PlanStage.Approved, cancellationToken);
}
