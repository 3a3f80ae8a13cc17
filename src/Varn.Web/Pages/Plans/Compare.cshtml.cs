using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Plans;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans;

/// <summary>A revised plan beside the plan it was revised from: activities added, removed and changed; texts changed.</summary>
public class CompareModel(VarnDbContext db) : VarnPageModel
{
    public ActionPlan Plan { get; private set; } = null!;
    public int PreviousYear { get; private set; }
    /// <summary>Null when the plan was not made by revising an earlier one: there is nothing to compare.</summary>
    public PlanComparison? Comparison { get; private set; }
    public string PlanPath => PlanQueries.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        Plan = plan;
        if (plan.RevisedFromId is not { } previousId)
        {
            return Page();
        }
        PreviousYear = await db.Plans.Where(p => p.Id == previousId).Select(p => p.Year).SingleAsync(cancellationToken);
        // Areas are stored as text: put them in the plan's order in memory.
        var before = (await db.Activities.AsNoTracking().Where(a => a.PlanId == previousId).ToListAsync(cancellationToken)).OrderBy(a => a.Area).ThenBy(a => a.Order).ToList();
        var after = (await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync(cancellationToken)).OrderBy(a => a.Area).ThenBy(a => a.Order).ToList();
        var beforeSections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == previousId).ToDictionaryAsync(s => s.Key, s => s.Text, cancellationToken);
        var afterSections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == plan.Id).ToDictionaryAsync(s => s.Key, s => s.Text, cancellationToken);
        Comparison = PlanComparison.Compare(before, after, beforeSections, afterSections);
        return Page();
    }
}
