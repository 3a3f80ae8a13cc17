namespace Varn.Web.Pages.Plans;

/// <summary>A revised plan beside the plan it was revised from: activities added, removed and changed; texts changed.</summary>
public class CompareModel(VarnDbContext db, PlanGuard plans) : VarnPageModel
{
    public ActionPlan Plan { get; private set; } = null!;
    public int PreviousYear { get; private set; }
    /// <summary>Null when the plan was not made by revising an earlier one: there is nothing to compare.</summary>
    public PlanComparison? Comparison { get; private set; }
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        Plan = plan!;
        if (Plan.RevisedFromId is not { } previousId)
        {
            return Page();
        }
        PreviousYear = await db.Plans.Where(p => p.Id == previousId).Select(p => p.Year).SingleAsync(cancellationToken);
        // Areas are stored as text: put them in the plan's order in memory.
        var before = (await db.Activities.AsNoTracking().Where(a => a.PlanId == previousId).ToListAsync(cancellationToken)).OrderBy(a => a.Area).ThenBy(a => a.Order).ToList();
        var after = (await db.Activities.AsNoTracking().Where(a => a.PlanId == Plan.Id).ToListAsync(cancellationToken)).OrderBy(a => a.Area).ThenBy(a => a.Order).ToList();
        var beforeSections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == previousId).ToDictionaryAsync(s => s.Key, s => s.Text, cancellationToken);
        var afterSections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == Plan.Id).ToDictionaryAsync(s => s.Key, s => s.Text, cancellationToken);
        Comparison = PlanComparison.Compare(before, after, beforeSections, afterSections);
        return Page();
    }
}
