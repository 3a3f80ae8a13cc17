using System.Security.Claims;
using Varn.Core.Plans;

namespace Varn.Core.Accounts;

/// <summary>
/// What the person behind this request may see and do, from their role assignments (read once per request).
/// Scoping is applied in queries: a plan the person may not see is simply not found.
/// </summary>
public sealed class Access
{
    public sealed record Grant(Role Role, int? CouncilId, int? UnitId);

    public string? UserId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<Grant> Grants { get; private set; } = [];

    public bool IsSignedIn => UserId is not null;
    public bool IsAdmin => Has(Role.Admin);
    public bool IsCentral => Has(Role.CentralCoordinator);

    public bool Has(Role role) => Grants.Any(g => g.Role == role);

    /// <summary>Administrators and coordinators guard sensitive material: with a password they need a second factor (ASVS level 2).</summary>
    public bool NeedsSecondFactor => Grants.Any(g => g.Role is Role.Admin or Role.CentralCoordinator or Role.LocalCoordinator);

    /// <summary>Councils where the person holds any role (a unit manager: the council of their unit).</summary>
    public IReadOnlySet<int> Councils { get; private set; } = new HashSet<int>();

    public IReadOnlySet<int> ManagedUnits { get; private set; } = new HashSet<int>();

    public bool IsLocalCoordinator(int councilId) => Grants.Any(g => g.Role == Role.LocalCoordinator && g.CouncilId == councilId);

    /// <summary>Drafts and plans under treatment: the council's own roles and the central coordinator.</summary>
    public bool CanSeeDrafts(int councilId) => IsCentral || Councils.Contains(councilId);

    /// <summary>Writing and revising plans, changing stages, importing: the council's local coordinators and the central coordinator.</summary>
    public bool CanEditPlans(int councilId) => IsCentral || IsLocalCoordinator(councilId);

    /// <summary>Following up an activity: whoever edits the plan, and the manager of the unit responsible for it.</summary>
    public bool CanFollowUp(int councilId, int? responsibleUnitId) =>
        CanEditPlans(councilId) || (responsibleUnitId is { } unit && ManagedUnits.Contains(unit));

    /// <summary>Running the council's evidence work (survey, situation picture): its local coordinators and the central coordinator.</summary>
    public bool CanCoordinate(int councilId) => IsCentral || IsLocalCoordinator(councilId);

    /// <summary>
    /// Reading the council's aggregated picture (survey results, situation picture): its coordinators exactly, and its
    /// readers, police contact and unit managers with small counts hidden.
    /// </summary>
    public bool CanSeePicture(int councilId) =>
        CanCoordinate(councilId) || Grants.Any(g => g.CouncilId == councilId && g.Role is Role.Reader or Role.Police or Role.UnitManager);

    /// <summary>Entering the police assessment of the council's picture: its police contact and its coordinators.</summary>
    public bool CanEnterPolice(int councilId) =>
        CanCoordinate(councilId) || Grants.Any(g => g.Role == Role.Police && g.CouncilId == councilId);

    /// <summary>Entering training completion: the council's coordinators for every unit, a unit manager for their own units.</summary>
    public bool CanRecordCompetence(int councilId) =>
        CanCoordinate(councilId) || Grants.Any(g => g.Role == Role.UnitManager && g.CouncilId == councilId);

    /// <summary>Reading and assessing reports: the council's local coordinators and the central coordinator.</summary>
    public bool CanTriage(int councilId) => IsCentral || IsLocalCoordinator(councilId);

    /// <summary>The reports this person may triage.</summary>
    public IQueryable<Core.Reports.DeidentifiedReport> Reports(VarnDbContext db)
    {
        if (IsCentral)
        {
            return db.Reports;
        }
        var councils = Grants.Where(g => g.Role == Role.LocalCoordinator && g.CouncilId is not null).Select(g => g.CouncilId!.Value).ToList();
        return db.Reports.Where(r => councils.Contains(r.CouncilId));
    }

    public bool CanSee(ActionPlan plan) => IsPublic(plan.Stage) || CanSeeDrafts(plan.CouncilId);

    public static bool IsPublic(PlanStage stage) => stage is PlanStage.Approved or PlanStage.Superseded;

    /// <summary>The plans this person may see: approved and superseded ones for everyone signed in, the rest by council.</summary>
    public IQueryable<ActionPlan> Plans(VarnDbContext db)
    {
        if (IsCentral)
        {
            return db.Plans;
        }
        var councils = Councils.ToList();
        return db.Plans.Where(p => p.Stage == PlanStage.Approved || p.Stage == PlanStage.Superseded || councils.Contains(p.CouncilId));
    }

    /// <summary>The command line acts for the operator of the installation, with the administrator's and central coordinator's rights.</summary>
    public void ActAsOperator(string name)
    {
        UserId = null;
        DisplayName = name;
        Grants = [new Grant(Role.Admin, null, null), new Grant(Role.CentralCoordinator, null, null)];
        Councils = new HashSet<int>();
        ManagedUnits = new HashSet<int>();
    }

    public async Task LoadAsync(VarnDbContext db, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || userId == UserId)
        {
            return;
        }
        // One round trip: every request of a signed-in person pays it.
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Grants = db.RoleAssignments.Where(r => r.UserId == u.Id).Select(r => new Grant(r.Role, r.CouncilId, r.UnitId)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is not null)
        {
            Use(user.Id, user.DisplayName, user.Grants);
        }
    }

    /// <summary>Sets the person read by whoever authenticated the request, so that <see cref="LoadAsync"/> need not read them again.</summary>
    public void Use(string userId, string displayName, IReadOnlyList<Grant> grants)
    {
        UserId = userId;
        DisplayName = displayName;
        Grants = grants;
        Councils = Grants.Where(g => g.CouncilId is not null).Select(g => g.CouncilId!.Value).ToHashSet();
        ManagedUnits = Grants.Where(g => g.Role == Role.UnitManager && g.UnitId is not null).Select(g => g.UnitId!.Value).ToHashSet();
    }
}
