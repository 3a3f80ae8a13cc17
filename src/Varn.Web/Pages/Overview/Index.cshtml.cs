using Varn.Core.Documents;
using Varn.Core.FollowUp;
using Varn.Core.Overview;
using Varn.Core.Rendering;

namespace Varn.Web.Pages.Overview;

/// <summary>The city overview (C11): every council's year as a table sorted by any column, without JavaScript, and as CSV or XLSX for the board.</summary>
public class IndexModel(VarnDbContext db, CityOverview overview, PlanIndicators indicators, TimeProvider clock) : VarnPageModel
{
    /// <summary>The columns a person can sort by, with what they sort on.</summary>
    public static readonly IReadOnlyDictionary<string, Func<CouncilYear, IComparable?>> Sorts = new Dictionary<string, Func<CouncilYear, IComparable?>>
    {
        ["namnd"] = r => r.Council.Name,
        ["plan"] = r => r.Plan is null ? -1 : (int)r.Plan.Stage,
        ["lagesbild"] = r => (int)r.SituationPicture,
        ["aktiviteter"] = r => r.ByStatus.Values.Sum(),
        ["forsenade"] = r => r.Overdue,
        ["omgangar"] = r => r.Rounds.Values.Count(s => s == RoundState.Submitted),
        ["svar"] = r => r.SurveyResponseRate,
        ["utbildning"] = r => r.TrainingCompletion.Value,
        ["rapporter"] = r => r.ReportsPerTenThousand.Value,
    };

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    public int ShownYear => Year is >= 2000 and <= 2100 ? Year.Value : clock.Today().Year;
    public string SortKey => Sort is { } key && Sorts.ContainsKey(key) ? key : "namnd";
    public bool Descending => Dir == "desc";
    public IReadOnlyList<CouncilYear> Rows { get; private set; } = [];
    public IReadOnlyList<Varn.Core.Routine.Coordinator> Directory { get; private set; } = [];
    public int Threshold => indicators.Threshold;

    /// <summary>The address that sorts by <paramref name="key"/>: ascending first, the other way when it is already sorted by it.</summary>
    public string SortLink(string key) => $"/oversikt?year={ShownYear}&sort={key}&dir={(SortKey == key && !Descending ? "desc" : "asc")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        Directory = await Varn.Core.Routine.CoordinatorDirectory.ListAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? File(OverviewWord.Write(ShownYear, Rows, Threshold), Varn.Core.Plans.Interchange.PlanWordExporter.ContentType, $"oversikt-{ShownYear}.docx");

    /// <summary>The comparisons across councils as charts, from the same figures as the table.</summary>
    public IReadOnlyList<BarChart> Charts()
    {
        var councils = Rows.OrderBy(r => r.Council.Name).ToList();
        // The district councils by their place name, so that every label fits beside its bar.
        static string Label(Varn.Core.Organisation.Council council) => council.Name.Replace(" stadsdelsnämnd", "", StringComparison.Ordinal);
        return
        [
            new BarChart("chart-reports", T["Relevanta rapporter per 10 000 invånare"], T["Helåret {0} i hela kvartal. Samma siffror står i tabellen.", ShownYear],
                councils.Select(r => new BarChart.Bar(Label(r.Council), (double?)r.ReportsPerTenThousand.Value, r.ReportsPerTenThousand.Show(Threshold), r.ReportsPerTenThousand.Suppressed)).ToList()),
            new BarChart("chart-training", T["Andel anställda som genomfört utbildning (%)"], T["Kompetensregistret {0}. Samma siffror står i tabellen.", ShownYear],
                councils.Select(r => new BarChart.Bar(Label(r.Council), (double?)r.TrainingCompletion.Value, Figures.Share(r.TrainingCompletion.Value, " %"))).ToList()),
            new BarChart("chart-overdue", T["Försenade aktiviteter"], T["Vid planens senaste uppföljningsomgång {0}. Samma siffror står i tabellen.", ShownYear],
                councils.Select(r => new BarChart.Bar(Label(r.Council), r.Overdue, r.Overdue.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList()),
        ];
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? File(TableFile.Csv(Headers, Table()), TableFile.CsvContentType, $"oversikt-{ShownYear}.csv");

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? File(TableFile.Xlsx("Översikt", Headers, Table()), TableFile.XlsxContentType, $"oversikt-{ShownYear}.xlsx");

    private static readonly string[] Headers =
        ["nämnd", "plan", "behandlad i nämnd", "godkänd", "diarienummer", "lägesbild", "aktiviteter", "försenade", "T1", "T2", "årsuppföljning",
         "svarsfrekvens (%)", "utbildning (%)", "relevanta rapporter per 10 000 invånare"];

    private IEnumerable<IReadOnlyList<object?>> Table() => Rows.Select(r => (IReadOnlyList<object?>)
    [
        r.Council.Name, r.Plan is null ? "ingen plan" : r.Plan.Stage.Label(), r.Plan?.DecidedOn?.ToString("yyyy-MM-dd"), r.Plan?.ApprovedOn?.ToString("yyyy-MM-dd"),
        r.Plan?.Diarienummer, PictureLabel(r.SituationPicture), r.ByStatus.Values.Sum(), r.Overdue,
        RoundLabel(r.Rounds[RoundKind.T1]), RoundLabel(r.Rounds[RoundKind.T2]), RoundLabel(r.Rounds[RoundKind.Year]),
        r.SurveyResponseRate, r.TrainingCompletion.Value, r.ReportsPerTenThousand.Suppressed ? r.ReportsPerTenThousand.Show(Threshold) : r.ReportsPerTenThousand.Value,
    ]);

    public static string PictureLabel(PictureState state) => state switch
    {
        PictureState.Frozen => "Fastställd",
        PictureState.Draft => "Utkast",
        _ => "Saknas",
    };

    public static string RoundLabel(RoundState? state) => state switch
    {
        RoundState.Submitted => "Inlämnad",
        RoundState.Open => "Öppen",
        _ => "–",
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await overview.ViewerAsync(cancellationToken) is not { } viewer)
        {
            return Forbidden();
        }
        var rows = await overview.BuildAsync(ShownYear, viewer, cancellationToken);
        var key = Sorts[SortKey];
        // Rows without a value go last whichever way; ties keep the council order.
        var ordered = Descending
            ? rows.OrderBy(r => key(r) is null).ThenByDescending(key).ThenBy(r => r.Council.Name)
            : rows.OrderBy(r => key(r) is null).ThenBy(key).ThenBy(r => r.Council.Name);
        Rows = ordered.ToList();
        return null;
    }
}
