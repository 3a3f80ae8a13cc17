using System.Text.Json;
using Microsoft.Extensions.Options;
using Varn.Core.Organisation;
using Varn.Core.Reports;
using Varn.Core.Statistics;

namespace Varn.Core.Situation;

/// <summary>
/// Builds a council's situation picture from the kept report counts (never from the reports themselves, so that it is as
/// fast at a million reports as at a thousand and unchanged by retention), the council's inputs and the city's figures.
/// Counts are of reports assessed as relevant, in whole quarters of the period.
/// </summary>
public sealed class SituationPictures(VarnDbContext db, TimeProvider clock, IOptions<StatisticsOptions> statistics)
{
    /// <summary>The last seven calendar years, up to the period's end.</summary>
    public const int TrendYears = 7;

    /// <summary>By default the previous calendar year and the plan year to date, in whole quarters.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(int year, DateOnly today)
    {
        var to = today.Year == year ? today : today.Year > year ? new DateOnly(year, 12, 31) : new DateOnly(year - 1, 12, 31);
        return Quarters(new DateOnly(year - 1, 1, 1), to);
    }

    /// <summary>A period widened to whole quarters: counts are kept per quarter.</summary>
    public static (DateOnly From, DateOnly To) Quarters(DateOnly from, DateOnly to)
    {
        var first = new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 1, 1);
        var lastMonth = (to.Month - 1) / 3 * 3 + 3;
        return (first, new DateOnly(to.Year, lastMonth, DateTime.DaysInMonth(to.Year, lastMonth)));
    }

    /// <summary>The picture as the viewer may see it: the frozen one once the year's plan is approved, else built now.</summary>
    public async Task<SituationPicture> BuildAsync(Council council, int year, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var frozen = await db.FrozenPictures.AsNoTracking().FirstOrDefaultAsync(f => f.CouncilId == council.Id && f.Year == year, cancellationToken);
        if (frozen is not null)
        {
            var stored = JsonSerializer.Deserialize<SituationPicture>(viewer == Viewer.Coordinator ? frozen.Exact : frozen.Protected)!;
            return stored with { FrozenAt = frozen.FrozenAt };
        }
        return await BuildLiveAsync(council, year, viewer, cancellationToken);
    }

    /// <summary>
    /// Freezes the council's picture for the year as it is now, for both kinds of viewer (replacing an earlier freeze).
    /// Called when the year's plan is approved; the caller saves, in the same transaction as the approval.
    /// </summary>
    public async Task FreezeAsync(Council council, int year, CancellationToken cancellationToken = default)
    {
        var exact = await BuildLiveAsync(council, year, Viewer.Coordinator, cancellationToken);
        var published = await BuildLiveAsync(council, year, Viewer.Public, cancellationToken);
        var frozen = await db.FrozenPictures.FirstOrDefaultAsync(f => f.CouncilId == council.Id && f.Year == year, cancellationToken);
        frozen ??= db.FrozenPictures.Add(new FrozenPicture { CouncilId = council.Id, Year = year, Exact = "", Protected = "" }).Entity;
        frozen.FrozenAt = clock.GetUtcNow().UtcDateTime;
        frozen.Exact = JsonSerializer.Serialize(exact);
        frozen.Protected = JsonSerializer.Serialize(published);
    }

    private async Task<SituationPicture> BuildLiveAsync(Council council, int year, Viewer viewer, CancellationToken cancellationToken)
    {
        var input = await db.SituationInputs.AsNoTracking().FirstOrDefaultAsync(i => i.CouncilId == council.Id && i.Year == year, cancellationToken);
        var (from, to) = input is { PeriodFrom: { } f, PeriodTo: { } t } ? Quarters(f, t) : DefaultPeriod(year, clock.Today());
        int Key(int y, int q) => y * 10 + q;
        var (fromKey, toKey) = (Key(from.Year, (from.Month + 2) / 3), Key(to.Year, (to.Month + 2) / 3));
        var firstTrendYear = to.Year - TrendYears + 1;

        var reports = (await db.ReportTallies.AsNoTracking()
                .Where(t => t.CouncilId == council.Id && t.Assessment == Assessment.Relevant && t.Year >= Math.Min(from.Year, firstTrendYear) && t.Year <= to.Year)
                .GroupBy(t => new { t.Year, t.Quarter, t.Environment })
                .Select(g => new { g.Key.Year, g.Key.Quarter, g.Key.Environment, Count = g.Sum(t => t.Count) })
                .ToListAsync(cancellationToken))
            .Where(r => r.Count != 0).ToList();
        var inPeriod = reports.Where(r => Key(r.Year, r.Quarter) >= fromKey && Key(r.Year, r.Quarter) <= toKey).ToList();
        var categories = (await db.ReportCategoryTallies.AsNoTracking()
                .Where(t => t.CouncilId == council.Id && t.Assessment == Assessment.Relevant && t.Year >= from.Year && t.Year <= to.Year)
                .GroupBy(t => new { t.Year, t.Quarter, t.Environment, t.Category })
                .Select(g => new { g.Key.Year, g.Key.Quarter, g.Key.Environment, g.Key.Category, Count = g.Sum(t => t.Count) })
                .ToListAsync(cancellationToken))
            .Where(c => c.Count != 0 && Key(c.Year, c.Quarter) >= fromKey && Key(c.Year, c.Quarter) <= toKey).ToList();

        // Every published number is a cell; every published sum is a total over its parts (for secondary suppression).
        var table = new CountTable();
        var quarters = new List<(int Year, int Quarter)>();
        for (var y = from.Year; y <= to.Year; y++)
        {
            for (var q = 1; q <= 4; q++)
            {
                if (Key(y, q) >= fromKey && Key(y, q) <= toKey)
                {
                    quarters.Add((y, q));
                }
            }
        }
        foreach (var c in categories)
        {
            table.Set(CellKey(c.Year, c.Quarter, c.Environment, c.Category), c.Count);
        }
        foreach (var category in Enum.GetValues<ReportCategory>())
        {
            table.Total("category|" + Codes.Of(category), categories.Where(c => c.Category == category).Select(c => CellKey(c.Year, c.Quarter, c.Environment, c.Category)).ToList());
        }
        foreach (var environment in Enum.GetValues<ExtremistEnvironment>())
        {
            table.Set("environment|" + Codes.Of(environment), inPeriod.Where(r => r.Environment == environment).Sum(r => r.Count));
        }
        foreach (var (y, q) in quarters)
        {
            table.Set($"quarter|{y}|{q}", inPeriod.Where(r => r.Year == y && r.Quarter == q).Sum(r => r.Count));
        }
        table.Total("total", Enum.GetValues<ExtremistEnvironment>().Select(e => "environment|" + Codes.Of(e)).ToList());
        table.Total("total", quarters.Select(q => $"quarter|{q.Year}|{q.Quarter}").ToList());
        for (var y = firstTrendYear; y <= to.Year; y++)
        {
            var yearQuarters = quarters.Where(q => q.Year == y).Select(q => $"quarter|{q.Year}|{q.Quarter}").ToList();
            if (yearQuarters.Count == 4)
            {
                // A whole year in the period: its trend figure is the sum of its published quarters.
                table.Total($"trend|{y}", yearQuarters);
            }
            else
            {
                table.Set($"trend|{y}", reports.Where(r => r.Year == y).Sum(r => r.Count));
            }
        }

        var sources = await db.StatisticsSources.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var figures = await db.StatisticsFigures.AsNoTracking().Where(s => s.CouncilId == council.Id && s.Year == year).ToListAsync(cancellationToken);
        foreach (var figure in figures)
        {
            table.Set($"statistics|{figure.SourceId}", figure.Count);
        }
        foreach (var count in input?.PoliceCounts ?? [])
        {
            table.Set("police|" + Codes.Of(count.Environment), count.Count);
        }
        if (input?.ConcernReports is { } concern)
        {
            table.Set("concern", concern);
        }

        var threshold = statistics.Value.SuppressionThreshold;
        var hidden = Suppression.Suppressed(table, viewer, threshold);
        Figure F(string cell) => Figure.Of(cell, table, hidden);

        var population = input?.Population ?? council.Population;
        var total = F("total");
        var city = await CityRateAsync(year, fromKey, toKey, cancellationToken);
        var figuresOf = new ReportFigures(
            total,
            categories.OrderBy(c => c.Year).ThenBy(c => c.Quarter).ThenBy(c => c.Environment).ThenBy(c => c.Category)
                .Select(c => new PictureCell(c.Year, c.Quarter, Codes.Of(c.Environment), Codes.Of(c.Category), F(CellKey(c.Year, c.Quarter, c.Environment, c.Category))))
                .ToList(),
            Enum.GetValues<ExtremistEnvironment>().ToDictionary(e => Codes.Of(e), e => F("environment|" + Codes.Of(e))),
            Enum.GetValues<ReportCategory>().ToDictionary(c => Codes.Of(c), c => F("category|" + Codes.Of(c))),
            quarters.Select(q => new QuarterFigure(q.Year, q.Quarter, F($"quarter|{q.Year}|{q.Quarter}"))).ToList());
        var trend = Enumerable.Range(firstTrendYear, TrendYears).Select(y => new TrendPoint(y, F($"trend|{y}"))).ToList();
        var police = input is null || (input.PoliceText is null && input.PoliceCounts.Count == 0)
            ? null
            : new PoliceFigures(input.PoliceText, input.PoliceCounts.OrderBy(p => p.Environment).ToDictionary(p => Codes.Of(p.Environment), p => F("police|" + Codes.Of(p.Environment))));
        var lines = sources.Where(s => figures.Any(f => f.SourceId == s.Id)).Select(s => new StatisticsLine(s.Name, F($"statistics|{s.Id}"))).ToList();

        var picture = new SituationPicture(
            council.Short, council.Name, year, null, viewer == Viewer.Coordinator, threshold, from, to,
            figuresOf, trend, population,
            new Rates(total.Count is { } n && population is > 0 ? Math.Round(10_000.0 * n / population.Value, 1) : null, city),
            await SurveyAsync(council, year, viewer, threshold, cancellationToken),
            police, lines, input?.ConcernReports is null ? null : F("concern"),
            [], input?.Findings is not null, input?.Mapping, input?.Analysis);
        return picture with
        {
            Findings = input?.Findings is { } edited
                ? edited.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
                : SituationFindings.Draft(picture),
        };
    }

    /// <summary>
    /// The latest closed survey round of the plan year or the year before, as the viewer may see its results: the
    /// number of answers, the response rate and the share answering yes to each yes/no question.
    /// </summary>
    private async Task<SurveyFigures?> SurveyAsync(Council council, int year, Viewer viewer, int threshold, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var rounds = await db.SurveyRounds.AsNoTracking().Where(r => r.CouncilId == council.Id && (r.Year == year || r.Year == year - 1))
            .OrderByDescending(r => r.Year).ToListAsync(cancellationToken);
        var round = rounds.FirstOrDefault(r => r.IsClosed(today));
        if (round is null)
        {
            return null;
        }
        var result = await Surveys.SurveyResults.LoadAsync(db, round, viewer, withComments: false, threshold, cancellationToken);
        return new SurveyFigures(
            round.Year,
            new Figure(result.Answered.Count, result.Answered.Suppressed, result.Answered.Small),
            result.ResponseRate,
            result.Questions.Where(q => q.Type == Surveys.QuestionType.YesNo)
                .Select(q => new SurveyShare(q.Code, q.Label, q.Options.FirstOrDefault(o => o.Option == "yes")?.All.Share))
                .ToList());
    }

    private static string CellKey(int year, int quarter, ExtremistEnvironment environment, ReportCategory category) =>
        $"cell|{year}|{quarter}|{Codes.Of(environment)}|{Codes.Of(category)}";

    /// <summary>The city's relevant reports in the same quarters per 10,000 inhabitants, over the councils whose population is known.</summary>
    private async Task<double?> CityRateAsync(int year, int fromKey, int toKey, CancellationToken cancellationToken)
    {
        var councils = await db.Councils.AsNoTracking().Select(c => new { c.Id, c.Population }).ToListAsync(cancellationToken);
        var given = await db.SituationInputs.AsNoTracking().Where(i => i.Year == year && i.Population != null)
            .ToDictionaryAsync(i => i.CouncilId, i => i.Population!.Value, cancellationToken);
        var populations = councils.Select(c => (c.Id, Population: given.TryGetValue(c.Id, out var p) ? p : c.Population)).Where(c => c.Population is > 0).ToList();
        if (populations.Count == 0)
        {
            return null;
        }
        var ids = populations.Select(p => p.Id).ToList();
        var (fromYear, toYear) = (fromKey / 10, toKey / 10);
        var counts = await db.ReportTallies.AsNoTracking()
            .Where(t => ids.Contains(t.CouncilId) && t.Assessment == Assessment.Relevant && t.Year >= fromYear && t.Year <= toYear)
            .GroupBy(t => new { t.Year, t.Quarter }).Select(g => new { g.Key.Year, g.Key.Quarter, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken);
        var reports = counts.Where(c => c.Year * 10 + c.Quarter >= fromKey && c.Year * 10 + c.Quarter <= toKey).Sum(c => c.Count);
        return Math.Round(10_000.0 * reports / populations.Sum(p => p.Population!.Value), 1);
    }
}
