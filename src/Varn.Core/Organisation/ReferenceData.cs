using System.Text.Json;
using Varn.Core.Plans;

namespace Varn.Core.Organisation;

/// <summary>
/// The default reference data — Stockholm's councils, police areas, the city's plan template and the routine — written into an
/// empty database. Everything it writes is editable afterwards; nothing else in Värn assumes Stockholm.
/// </summary>
public static class ReferenceData
{
    private sealed record Defaults(string Municipality, List<DefaultCouncil> Councils, Dictionary<string, string> Template, string Routine);

    private sealed record DefaultCouncil(string Name, string Short, string Kind, int? Population, string? PoliceArea);

    public static async Task<bool> EnsureAsync(VarnDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        // A plain read: this runs at every start (StartupReads).
        var (table, id) = db.Names<Municipality>(nameof(Municipality.Id));
        if ((await db.Database.ReadTextAsync($"SELECT {id} FROM {table} LIMIT 1", cancellationToken)).Count > 0)
        {
            return false;
        }

        var defaults = Load();
        var municipality = new Municipality { Name = defaults.Municipality };
        var policeAreas = defaults.Councils
            .Select(c => c.PoliceArea)
            .OfType<string>()
            .Distinct()
            .ToDictionary(name => name, name => new PoliceArea { Name = name });

        foreach (var council in defaults.Councils)
        {
            if (!Codes.TryParse<CouncilKind>(council.Kind, out var kind))
            {
                throw new InvalidOperationException($"Unknown council kind '{council.Kind}' in the reference data.");
            }
            municipality.Councils.Add(new Council
            {
                Name = council.Name,
                Short = council.Short,
                Kind = kind,
                Population = council.Population,
                PoliceArea = council.PoliceArea is null ? null : policeAreas[council.PoliceArea],
            });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (code, text) in defaults.Template)
        {
            if (!Codes.TryParse<SectionKey>(code, out var key))
            {
                throw new InvalidOperationException($"Unknown section '{code}' in the reference data.");
            }
            db.TemplateSections.Add(new TemplateSection { Municipality = municipality, Key = key, Text = text, UpdatedAt = now });
        }

        db.Courses.AddRange(
            new Competence.Course { Name = "Stadens webbutbildning om våldsbejakande extremism", Mandatory = true },
            new Competence.Course { Name = "Fördjupningsutbildning om högerextremism" });
        db.RoutineTexts.Add(new Routine.RoutineText { Municipality = municipality, Text = defaults.Routine, UpdatedAt = now });
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Defaults Load()
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("Varn.Core.Organisation.Defaults.stockholm.json")
            ?? throw new InvalidOperationException("The reference data resource is missing from Varn.Core.");
        return JsonSerializer.Deserialize<Defaults>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The reference data resource is empty.");
    }
}
