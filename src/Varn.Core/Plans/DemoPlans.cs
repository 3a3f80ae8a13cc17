using Varn.Core.Plans.Interchange;

namespace Varn.Core.Plans;

/// <summary>
/// Demo mode's data: the three seed plans (shared/seeds), transcribed as varn.plan/1 files in Demo/Plans. They are
/// real plans; anything synthetic that demo mode adds is labelled as such where it is shown.
/// </summary>
public static class DemoPlans
{
    public const string ChangedBy = "Demodata";

    private const string Prefix = "Varn.Plans.Seeds.";

    /// <summary>The seed plans' file names in Plans/Seeds, e.g. "skarholmen-2019.json".</summary>
    public static IReadOnlyList<string> SeedPlanNames { get; } =
        typeof(DemoPlans).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static byte[] ReadSeedPlan(string fileName)
    {
        using var stream = typeof(DemoPlans).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"Seed plan {fileName} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Loads the seed plans into a database that has no plans yet.</summary>
    public static async Task<int> EnsurePlansAsync(VarnDbContext db, PlanImporter importer, CancellationToken cancellationToken = default)
    {
        if (await db.Plans.AnyAsync(cancellationToken))
        {
            return 0;
        }
        foreach (var name in SeedPlanNames)
        {
            var (document, errors) = PlanDocumentReader.Read(ReadSeedPlan(name));
            if (document is null)
            {
                throw new InvalidOperationException($"Seed plan {name} is invalid: {string.Join("; ", errors)}");
            }
            var outcome = await importer.ImportAsync(document, replace: false, ChangedBy, cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Seed plan {name} could not be loaded: {string.Join("; ", outcome.Errors)}");
            }
        }
        return SeedPlanNames.Count;
    }
}
