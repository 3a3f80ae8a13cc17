namespace Varn.Core.Grants;

/// <summary>Demo mode: made-up associations and applications for the seed councils over the last three years, one of them reclaimed.</summary>
public static class DemoGrants
{
    private static readonly string[] SeedCouncils = ["hasselby-vallingby", "kungsholmen", "skarholmen"];

    /// <summary>Made-up names and organisation numbers (8020… is the series of non-profit associations; the check digits are right).</summary>
    private static readonly (string Name, string Number)[] Associations =
    [
        ("Påhittade idrottsföreningen", "802000-0009"), ("Påhittade kulturföreningen", "802414-0009"),
        ("Påhittade hyresgästföreningen", "802013-0004"), ("Påhittade ungdomsföreningen", "802000-0017"),
    ];

    public static async Task<int> EnsureAsync(VarnDbContext db, GrantRegister register, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.GrantApplications.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var thisYear = clock.Today().Year;
        var all = Enum.GetValues<DemocracyCriterion>().ToDictionary(Codes.Of, c => (c != DemocracyCriterion.Unaffiliated, (string?)null));
        var created = 0;
        foreach (var council in await db.Councils.Where(c => SeedCouncils.Contains(c.Short)).OrderBy(c => c.Short).ToListAsync(cancellationToken))
        {
            for (var year = thisYear - 2; year <= thisYear; year++)
            {
                for (var i = 0; i < Associations.Length; i++)
                {
                    var (name, number) = Associations[i];
                    var premises = i == 2;
                    var criteria = premises ? all : all.ToDictionary(c => c.Key, c => (true, (string?)null));
                    var (application, errors) = await register.CreateAsync(council, year,
                        new GrantInput(premises ? "premises" : "grant", name, number, premises ? null : $"{(i + 1) * 15_000}", premises ? "Samlingslokalen" : null, premises ? "Tisdagskvällar under terminen" : null, criteria),
                        synthetic: true, cancellationToken);
                    if (application is null)
                    {
                        throw new InvalidOperationException($"Demo grant: {string.Join("; ", errors.Values)}");
                    }
                    created++;
                    if (year == thisYear && i == 3)
                    {
                        continue;
                    }
                    await register.DecideAsync(application, "approved", "Påhittat demobeslut.", application.Version, cancellationToken);
                    if (year < thisYear && !premises)
                    {
                        await register.AccountAsync(application, $"{year + 1}-02-15", true, application.Version, cancellationToken);
                    }
                    if (year == thisYear - 1 && i == 0 && council.Short == "skarholmen")
                    {
                        await register.ReclaimAsync(application, "Påhittat demoexempel: föreningen spred våldsbejakande budskap vid en aktivitet som bidraget betalade.",
                            "15000", $"{year}-11-20", "claimed", application.Version, cancellationToken);
                    }
                }
            }
        }
        return created;
    }
}
