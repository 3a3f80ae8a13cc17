using Varn.Core.Organisation;
using Varn.Core.Reports;
using Varn.Core.Situation;

namespace Varn.Web.Pages.Situation;

/// <summary>
/// What the picture is built from beside the reports: the police assessment (the council's police contact or its
/// coordinators) and the period, concern reports, population and external statistics (its coordinators).
/// </summary>
public class SourcesModel(VarnDbContext db, SituationRegister register, TimeProvider clock) : VarnPageModel
{
    public sealed class PoliceForm
    {
        public string? Text { get; set; }
        public Dictionary<string, string?> Counts { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed class SourcesForm
    {
        public string? PeriodFrom { get; set; }
        public string? PeriodTo { get; set; }
        public string? ConcernReports { get; set; }
        public string? Population { get; set; }
        public Dictionary<string, string?> Statistics { get; set; } = [];
        public int Version { get; set; }
    }

    [BindProperty]
    public PoliceForm Police { get; set; } = new();

    [BindProperty]
    public SourcesForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Import { get; set; }

    public Council Council { get; private set; } = null!;
    public int Year { get; private set; }
    public bool Coordinates { get; private set; }
    public IReadOnlyList<StatisticsSource> StatisticsSources { get; private set; } = [];
    public (DateOnly From, DateOnly To) DefaultPeriod { get; private set; }

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        var stored = await register.FindAsync(Council, year, cancellationToken);
        Police = new PoliceForm
        {
            Text = stored?.PoliceText,
            Counts = stored?.PoliceCounts.ToDictionary(p => Codes.Of(p.Environment), p => (string?)p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? [],
            Version = stored?.Version ?? 0,
        };
        var figures = await db.StatisticsFigures.AsNoTracking().Where(f => f.CouncilId == Council.Id && f.Year == year).ToListAsync(cancellationToken);
        Input = new SourcesForm
        {
            PeriodFrom = stored?.PeriodFrom?.ToString("yyyy-MM-dd"),
            PeriodTo = stored?.PeriodTo?.ToString("yyyy-MM-dd"),
            ConcernReports = stored?.ConcernReports?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Population = stored?.Population?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Statistics = figures.ToDictionary(f => f.SourceId.ToString(System.Globalization.CultureInfo.InvariantCulture), f => (string?)f.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Version = stored?.Version ?? 0,
        };
        Complete();
        return Page();
    }

    public async Task<IActionResult> OnPostPoliceAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (await FrozenAsync(cancellationToken))
        {
            return Conflict(PictureModel.Frozen(T));
        }
        var counts = Enum.GetValues<ExtremistEnvironment>().ToDictionary(e => e, e => Police.Counts.GetValueOrDefault(Codes.Of(e)));
        var errors = await register.SavePoliceAsync(Council, year, new PoliceInput(Police.Text, counts, Police.Version), cancellationToken);
        return Saved(errors, nameof(Police), T["Polisens bedömning är sparad."]);
    }

    public async Task<IActionResult> OnPostSourcesAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!Coordinates)
        {
            return Forbidden();
        }
        if (await FrozenAsync(cancellationToken))
        {
            return Conflict(PictureModel.Frozen(T));
        }
        var statistics = StatisticsSources.ToDictionary(s => s.Id, s => Input.Statistics.GetValueOrDefault(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var errors = await register.SaveSourcesAsync(Council, year,
            new SourcesInput(Input.PeriodFrom, Input.PeriodTo, Input.ConcernReports, Input.Population, statistics, Input.Version), cancellationToken);
        return Saved(errors, nameof(Input), T["Underlaget är sparat."]);
    }

    /// <summary>External statistics from a CSV file (källa;antal): all rows or none, each problem with its line.</summary>
    public async Task<IActionResult> OnPostImportAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!Coordinates)
        {
            return Forbidden();
        }
        if (await FrozenAsync(cancellationToken))
        {
            return Conflict(PictureModel.Frozen(T));
        }
        if (Import is null || Import.Length == 0)
        {
            ModelState.AddModelError(nameof(Import), T["Välj en CSV-fil med rubrikraden källa;antal."]);
            return Invalid();
        }
        await using var stream = Import.OpenReadStream();
        var errors = await register.ImportStatisticsAsync(Council, year, stream, cancellationToken);
        if (errors.Count > 0)
        {
            ModelState.AddModelError(nameof(Import), T["Ingenting importerades. {0}", string.Join(" ", errors.Values)]);
            return Invalid();
        }
        Flash = T["Statistiken är importerad."];
        return Redirect($"/lagesbild/{Council.Short}/{Year}/underlag");
    }

    private Task<bool> FrozenAsync(CancellationToken cancellationToken) =>
        db.FrozenPictures.AnyAsync(f => f.CouncilId == Council.Id && f.Year == Year, cancellationToken);

    private IActionResult Saved(Dictionary<string, string> errors, string prefix, string message)
    {
        if (errors.Count == 0)
        {
            Flash = message;
            return Redirect($"/lagesbild/{Council.Short}/{Year}/underlag");
        }
        // "counts.rightWing" → "Police.Counts[rightWing]", "statistics.3" → "Input.Statistics[3]": the fields as the form names them.
        foreach (var (key, text) in errors)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            ModelState.AddModelError(key == "version" ? "" : dot > 0 ? $"{FieldOf(prefix, key[..dot])}[{key[(dot + 1)..]}]" : FieldOf(prefix, key), text);
        }
        Response.StatusCode = errors.ContainsKey("version") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, CancellationToken cancellationToken)
    {
        var found = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == council, cancellationToken);
        if (found is null || !Access.CanSeePicture(found.Id) || year is < 2000 or > 2100)
        {
            return NotFound();
        }
        if (!Access.CanEnterPolice(found.Id))
        {
            return Forbidden();
        }
        Council = found;
        Year = year;
        Coordinates = Access.CanCoordinate(found.Id);
        StatisticsSources = await db.StatisticsSources.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        DefaultPeriod = SituationPictures.DefaultPeriod(year, clock.Today());
        Complete();
        return null;
    }

    /// <summary>A field for every environment and every source, also those the form did not send or the database does not have.</summary>
    private void Complete()
    {
        foreach (var environment in Enum.GetValues<ExtremistEnvironment>())
        {
            Police.Counts.TryAdd(Codes.Of(environment), null);
        }
        foreach (var source in StatisticsSources)
        {
            Input.Statistics.TryAdd(source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        }
    }
}
