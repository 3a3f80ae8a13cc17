using Varn.Core.Accounts;

namespace Varn.Core.Plans;

/// <summary>What a caller wants to do with a plan it finds by its address.</summary>
public enum PlanPurpose
{
    /// <summary>Read it: anyone who may see it.</summary>
    Read,

    /// <summary>Manage it (stage, revision, forms): the council's local coordinators and the central coordinator.</summary>
    Manage,

    /// <summary>Change its texts and activities: as <see cref="Manage"/>, and only while the plan is a draft.</summary>
    ChangeContent,
}

public enum RefusalKind
{
    NotFound,
    Forbidden,
    Locked,
}

/// <summary>Why a plan may not be used as asked, in Swedish for the person.</summary>
public sealed record PlanRefusal(RefusalKind Kind, string Message);

/// <summary>
/// The one way pages, the API and the command line find a plan by its address (<c>/planer/{short}/{year}</c>) and
/// check what this person may do with it: another council's draft is not found, a plan the person may see but not
/// change is forbidden, and a plan past the draft stages is locked. A refused plan that may be seen is still returned,
/// so that a form can show it beside the refusal.
/// </summary>
public sealed class PlanGuard(VarnDbContext db, Access access, TimeProvider clock)
{
    public async Task<(ActionPlan? Plan, PlanRefusal? Refusal)> FindAsync(string council, int year, PlanPurpose purpose, CancellationToken cancellationToken = default)
    {
        var plan = await access.Plans(db).Include(p => p.Council).FirstOrDefaultAsync(p => p.Council!.Short == council && p.Year == year, cancellationToken);
        if (plan is null)
        {
            return (null, new PlanRefusal(RefusalKind.NotFound, $"Det finns ingen plan för «{council}» {year}."));
        }
        if (purpose != PlanPurpose.Read && !access.CanEditPlans(plan.CouncilId))
        {
            return (plan, new PlanRefusal(RefusalKind.Forbidden, $"Bara samordnarna i {plan.Council!.Name} och den centrala samordnaren kan ändra planen."));
        }
        if (purpose == PlanPurpose.ChangeContent && !plan.Stage.ContentIsEditable())
        {
            return (plan, new PlanRefusal(RefusalKind.Locked, $"Planen är låst i steget «{plan.Stage.Label()}» och kan inte ändras. Ingenting sparades."));
        }
        return (plan, null);
    }

    /// <summary>Records that the plan's content changed now; the caller saves.</summary>
    public void MarkChanged(ActionPlan plan) => plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;

    public static string PathOf(string council, int year) => $"/planer/{council}/{year}";
}
