namespace Varn.Core.Forums;

/// <summary>Demo mode: the forums the seed plans name (TSR, the police agreement, SSPF) with made-up meetings over the last three years.</summary>
public static class DemoForums
{
    private static readonly string[] SeedCouncils = ["hasselby-vallingby", "kungsholmen", "skarholmen"];

    private static readonly ForumInput[] Forums =
    [
        new("Trygghets- och säkerhetsrådet", "tsr", "Stadsdelsdirektören", "Stadsdelsförvaltningen\nPolisen, kommunpolis\nBostadsbolagen", "4 ggr/år"),
        new("Avstämning med kommunpolisen", "policeAgreement", "Säkerhetssamordnaren", "Säkerhetssamordnaren\nPolisen, kommunpolis", "var 14:e dag"),
        new("SSPF-gruppen", "sspf", "Avdelningschef socialtjänst", "Skolan\nSocialtjänsten\nPolisen\nFritid", "10 ggr/år"),
    ];

    public static async Task<int> EnsureAsync(VarnDbContext db, ForumRegister register, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Forums.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var today = clock.Today();
        var random = new Random(2019);
        var meetings = 0;
        foreach (var council in await db.Councils.Where(c => SeedCouncils.Contains(c.Short)).OrderBy(c => c.Short).ToListAsync(cancellationToken))
        {
            foreach (var input in Forums)
            {
                var (forum, errors) = await register.CreateAsync(council, input, synthetic: true, cancellationToken);
                if (forum is null)
                {
                    throw new InvalidOperationException($"Demo forum: {string.Join("; ", errors.Values)}");
                }
                var step = 365 / forum.PlannedPerYear!.Value;
                for (var day = new DateOnly(today.Year - 2, 1, 10); day <= today; day = day.AddDays(step + random.Next(-3, 4)))
                {
                    if (random.NextDouble() < 0.15)
                    {
                        continue;
                    }
                    var vbe = random.NextDouble() < (forum.Kind == ForumKind.PoliceAgreement ? 0.3 : 0.6);
                    db.ForumMeetings.Add(new ForumMeeting { ForumId = forum.Id, Date = day, VbeOnAgenda = vbe, Note = vbe ? "Påhittad demoanteckning: lägesbilden stämdes av." : null });
                    meetings++;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return meetings;
    }
}
