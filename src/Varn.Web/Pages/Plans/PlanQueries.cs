using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Plans;

namespace Varn.Web.Pages.Plans;

/// <summary>The one way pages find a plan from its address <c>/planer/{short}/{year}</c>.</summary>
public static class PlanQueries
{
    public static Task<ActionPlan?> FindPlanAsync(this VarnDbContext db, string shortName, int year, CancellationToken cancellationToken = default) =>
        db.Plans.Include(p => p.Council).FirstOrDefaultAsync(p => p.Council!.Short == shortName && p.Year == year, cancellationToken);

    public static string PathOf(string shortName, int year) => $"/planer/{shortName}/{year}";
}
