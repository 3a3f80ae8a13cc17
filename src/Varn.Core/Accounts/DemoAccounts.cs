using Varn.Core.Organisation;

namespace Varn.Core.Accounts;

/// <summary>
/// Demo mode's accounts: one per role, local coordinators for Skärholmen, Hässelby-Vällingby and Kungsholmen, all on
/// the reserved example domain and with one shared demo password. They are printed at start and never exist
/// outside demo mode.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Värn-demo-2026";

    public sealed record DemoAccount(string Email, string Name, Role Role, string? Council, string? Unit);

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin@varn.example", "Demo Administratör", Role.Admin, null, null),
        new("central@varn.example", "Demo Central samordnare", Role.CentralCoordinator, null, null),
        new("samordnare.skarholmen@varn.example", "Demo Samordnare Skärholmen", Role.LocalCoordinator, "skarholmen", null),
        new("samordnare.hasselby-vallingby@varn.example", "Demo Samordnare Hässelby-Vällingby", Role.LocalCoordinator, "hasselby-vallingby", null),
        new("samordnare.kungsholmen@varn.example", "Demo Samordnare Kungsholmen", Role.LocalCoordinator, "kungsholmen", null),
        new("enhetschef.skarholmen@varn.example", "Demo Enhetschef Socialtjänsten Skärholmen", Role.UnitManager, "skarholmen", "Socialtjänsten"),
        new("medarbetare.skarholmen@varn.example", "Demo Medarbetare Skärholmen", Role.Employee, "skarholmen", null),
        new("lasare.skarholmen@varn.example", "Demo Förtroendevald Skärholmen", Role.Reader, "skarholmen", null),
        new("polis.skarholmen@varn.example", "Demo Polis Skärholmen", Role.Police, "skarholmen", null),
    ];

    /// <summary>Units the seed plans name as responsible, so that a unit manager has activities to follow up.</summary>
    private static readonly string[] SkarholmenUnits = ["Socialtjänsten", "Medborgarkontoret", "Förskola och fritid"];

    public static async Task<bool> EnsureAsync(VarnDbContext db, AccountService accounts, CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }
        var skarholmen = await db.Councils.SingleAsync(c => c.Short == "skarholmen", cancellationToken);
        foreach (var name in SkarholmenUnits)
        {
            if (!await db.Units.AnyAsync(u => u.CouncilId == skarholmen.Id && u.Name == name, cancellationToken))
            {
                db.Units.Add(new Unit { CouncilId = skarholmen.Id, Name = name });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await LinkResponsibleUnitsAsync(db, skarholmen, cancellationToken);

        foreach (var account in All)
        {
            var created = await accounts.CreateAsync(account.Email, account.Name, Password, cancellationToken: cancellationToken);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", created.Errors.Values)}");
            }
            int? unitId = account.Unit is null
                ? null
                : await db.Units.Where(u => u.Council!.Short == account.Council && u.Name == account.Unit).Select(u => (int?)u.Id).SingleAsync(cancellationToken);
            var granted = await accounts.GrantAsync(created.User!.Id, account.Role, account.Council, unitId, cancellationToken);
            if (!granted.Succeeded)
            {
                throw new InvalidOperationException($"Demo role for {account.Email}: {string.Join(" ", granted.Errors.Values)}");
            }
        }
        return true;
    }

    // The seed plans write "Socialtjänsten" or "Medborgarkontoret" as responsible: link those rows to the unit of that name.
    private static async Task LinkResponsibleUnitsAsync(VarnDbContext db, Council council, CancellationToken cancellationToken)
    {
        var units = await db.Units.Where(u => u.CouncilId == council.Id).ToDictionaryAsync(u => u.Name, u => u.Id, cancellationToken);
        var activities = await db.Activities.Where(a => a.Plan!.CouncilId == council.Id && a.ResponsibleUnitId == null).ToListAsync(cancellationToken);
        foreach (var activity in activities)
        {
            if (units.TryGetValue(activity.Responsible, out var unitId))
            {
                activity.ResponsibleUnitId = unitId;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
