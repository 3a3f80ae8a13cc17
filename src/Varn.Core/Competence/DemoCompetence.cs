namespace Varn.Core.Competence;

/// <summary>Demo mode: made-up completion figures for the units of the seed councils over the last three years, and one training event each.</summary>
public static class DemoCompetence
{
    private static readonly string[] SeedCouncils = ["hasselby-vallingby", "kungsholmen", "skarholmen"];

    public static async Task<int> EnsureAsync(VarnDbContext db, CompetenceRegister register, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Completions.AnyAsync(cancellationToken) || await db.TrainingEvents.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var courses = await db.Courses.OrderByDescending(c => c.Mandatory).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);
        var random = new Random(2017);
        var thisYear = clock.Today().Year;
        var rows = 0;
        foreach (var council in await db.Councils.Where(c => SeedCouncils.Contains(c.Short)).OrderBy(c => c.Short).ToListAsync(cancellationToken))
        {
            var units = await db.Units.Where(u => u.CouncilId == council.Id).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(cancellationToken);
            for (var year = thisYear - 2; year <= thisYear; year++)
            {
                var input = new List<CompletionInput>();
                foreach (var unit in units)
                {
                    var staff = random.Next(8, 60);
                    var mandatory = (int)(staff * Math.Min(1, 0.45 + 0.15 * (year - thisYear + 2) + random.NextDouble() * 0.3));
                    input.Add(new CompletionInput(unit, courses[0], $"{staff}", $"{mandatory}"));
                    if (courses.Count > 1)
                    {
                        input.Add(new CompletionInput(unit, courses[1], $"{staff}", $"{random.Next(0, staff / 4)}"));
                    }
                }
                var errors = await register.ReplaceAsync(council, year, input, synthetic: true, cancellationToken: cancellationToken);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException($"Demo competence: {string.Join("; ", errors.Values)}");
                }
                rows += input.Count;
            }
            await register.AddEventAsync(council, $"{thisYear - 1}-10-12", "Infonämnd om våldsbejakande extremism (påhittat demoexempel)", "Nämndens ledamöter och ersättare", "14", cancellationToken);
        }
        return rows;
    }
}
