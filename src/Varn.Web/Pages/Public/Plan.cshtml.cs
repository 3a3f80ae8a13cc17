using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Plans;
using Varn.Web.Infrastructure;
using Varn.Web.Pages.Plans;

namespace Varn.Web.Pages.Public;

/// <summary>An approved plan, read-only, without signing in. Any other stage is not found here.</summary>
public class PlanModel(VarnDbContext db) : VarnPageModel
{
    public ActionPlan Plan { get; private set; } = null!;
    public PlanBody Body { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Council)
            .FirstOrDefaultAsync(p => p.Council!.Short == council && p.Year == year && p.Stage == PlanStage.Approved, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        Body = await PlanBody.LoadAsync(db, plan, editable: false, _ => false, cancellationToken);
        return Page();
    }
}
