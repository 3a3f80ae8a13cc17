using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Plans;
using Varn.Web.Accounts;

namespace Varn.Web.Pages.Plans;

/// <summary>The one way pages find a plan from its address <c>/planer/{short}/{year}</c>.</summary>
public static class PlanQueries
{
    /// <summary>The plan at the address, if this person may see it: another council's draft is simply not found.</summary>
    public static Task<ActionPlan?> FindPlanAsync(this VarnDbContext db, Access access, string shortName, int year, CancellationToken cancellationToken = default) =>
        access.Plans(db).Include(p => p.Council).FirstOrDefaultAsync(p => p.Council!.Short == shortName && p.Year == year, cancellationToken);

    public static string PathOf(string shortName, int year) => $"/planer/{shortName}/{year}";
}
