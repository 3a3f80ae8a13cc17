using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Interchange;

namespace Varn.Web.Demo;

/// <summary>
/// Demo mode's data: the three seed plans (shared/seeds), transcribed as varn.plan/1 files in Demo/Plans. They are
/// real plans; anything synthetic that demo mode adds is labelled as such where it is shown.
/// </summary>
public static class DemoData
{
    public const string ChangedBy = "Demodata";

    public static IReadOnlyList<string> SeedPlanNames { get; } =
        typeof(DemoData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Varn.Demo.Plans.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static byte[] ReadSeedPlan(string resourceName)
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Seed plan {resourceName} is not embedded.");
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
