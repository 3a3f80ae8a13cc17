using Varn.Core.Situation;

namespace Varn.Web.Pages.Situation;

/// <summary>The city's list of external statistics sources, kept by the central coordinator: add, rename, remove an unused one.</summary>
public class SourceListModel(VarnDbContext db) : VarnPageModel
{
    public sealed class SourceInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty]
    public SourceInput Input { get; set; } = new();

    public IReadOnlyList<(StatisticsSource Source, int Figures)> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var name = Input.Name?.Trim();
        var description = Input.Description?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", T["Ange källans namn, högst 200 tecken, till exempel «IA – ärenden»."]);
        }
        if (description?.Length > 1000)
        {
            ModelState.AddModelError("Input.Description", T["Beskrivningen får vara högst 1000 tecken."]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        if (Sources.Any(s => string.Equals(s.Source.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return FieldConflict("Input.Name", T["Källan «{0}» finns redan.", name!]);
        }
        db.StatisticsSources.Add(new StatisticsSource { Name = name!, Description = string.IsNullOrEmpty(description) ? null : description, Order = Sources.Count });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return FieldConflict("Input.Name", T["Källan «{0}» lades till av någon annan samtidigt.", name!]);
        }
        Flash = T["Källan «{0}» är tillagd.", name!];
        return Redirect("/lagesbild/kallor");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (source, figures) = Sources.FirstOrDefault(s => s.Source.Id == id);
        if (source is null)
        {
            // Already removed (or never there): nothing to do.
            return Redirect("/lagesbild/kallor");
        }
        if (figures > 0)
        {
            return Conflict(T["«{0}» har {1} inlagda siffror och tas inte bort: lägesbilderna bygger på dem.", source.Name, figures]);
        }
        await db.StatisticsSources.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        Flash = T["Källan «{0}» är borttagen.", source.Name];
        return Redirect("/lagesbild/kallor");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var sources = await db.StatisticsSources.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var counts = await db.StatisticsFigures.GroupBy(f => f.SourceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Sources = sources.Select(s => (s, counts.GetValueOrDefault(s.Id))).ToList();
    }
}
