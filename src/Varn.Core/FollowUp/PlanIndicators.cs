using System.Globalization;
using Microsoft.Extensions.Options;
using Varn.Core.Plans;
using Varn.Core.Rendering;
using Varn.Core.Reports;
using Varn.Core.Statistics;
using Varn.Core.Surveys;

namespace Varn.Core.FollowUp;

/// <summary>A value of an indicator in a period, or hidden because its source hides small counts from this viewer.</summary>
public sealed record IndicatorValue(decimal? Value, bool Suppressed)
{
    public static readonly IndicatorValue None = new(null, false);

    public string Show(int threshold) => Suppressed ? Suppression.Label(threshold) : Figures.Value(Value);
}

/// <summary>An indicator as shown: typed, or computed with what its source is.</summary>
public sealed record IndicatorRow(
    int? Id, string Name, IndicatorKind Kind, Computation? Computation, string? Unit, decimal? Baseline, decimal? Target,
    IReadOnlyDictionary<RoundKind, IndicatorValue> Values, string? Source, string? Comment, int Version);

/// <summary>An indicator as typed in a form or sent to the API; computed ones take only baseline, target and comment.</summary>
public sealed record IndicatorInput(
    string? Name, string? Kind, string? Unit, string? Baseline, string? Target, string? T1, string? T2, string? Year, string? Source, string? Comment);

/// <summary>
/// A plan's indicators (C17): the five Värn computes from its registers, surveys, reports and rounds — always listed,
/// with baseline, target and comment when someone set them — and the ones the council types in.
/// </summary>
public sealed class PlanIndicators(VarnDbContext db, TimeProvider clock, IOptions<StatisticsOptions> statistics)
{
    public const decimal MaxValue = 1_000_000_000m;

    public int Threshold => statistics.Value.SuppressionThreshold;

    public static string Name(Computation computation) => computation switch
    {
        Computation.TrainingCompletion => "Andel anställda som genomfört utbildning om våldsbejakande extremism",
        Computation.ForumVbeShare => "Andel möten i samverkansforum med VBE på dagordningen",
        Computation.SurveySufficientKnowledge => "Andel enheter som anser sig ha tillräcklig kunskap (enkäten)",
        Computation.ReportsPerTenThousand => "Relevanta rapporter per 10 000 invånare",
        Computation.ActivitiesOnTime => "Andel aktiviteter genomförda i tid",
        _ => throw new ArgumentOutOfRangeException(nameof(computation)),
    };

    private static string Source(Computation computation) => computation switch
    {
        Computation.TrainingCompletion => "Beräknas: kompetensregistret, alla kurser, planens år (registret förs per år)",
        Computation.ForumVbeShare => "Beräknas: nämndens forum, hållna möten från 1 januari till brytdatum",
        Computation.SurveySufficientKnowledge => "Beräknas: senaste stängda enkätomgång före brytdatum, andel ja",
        Computation.ReportsPerTenThousand => "Beräknas: rapporter bedömda som relevanta, hela kvartal till brytdatum, per 10 000 invånare",
        Computation.ActivitiesOnTime => "Beräknas: aktiviteter vars tidplan slutat till brytdatum och som inte ställts in, andel genomförda",
        _ => throw new ArgumentOutOfRangeException(nameof(computation)),
    };

    private static (IndicatorKind Kind, string Unit) Shape(Computation computation) => computation switch
    {
        Computation.ReportsPerTenThousand => (IndicatorKind.Outcome, "per 10 000 inv."),
        Computation.SurveySufficientKnowledge => (IndicatorKind.Outcome, "%"),
        _ => (IndicatorKind.Output, "%"),
    };

    public async Task<List<IndicatorRow>> ListAsync(ActionPlan plan, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var stored = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var rows = new List<IndicatorRow>();
        foreach (var computation in Enum.GetValues<Computation>())
        {
            var set = stored.FirstOrDefault(i => i.Computation == computation);
            var (kind, unit) = Shape(computation);
            var values = new Dictionary<RoundKind, IndicatorValue>();
            foreach (var period in Enum.GetValues<RoundKind>())
            {
                values[period] = await ComputeAsync(plan, computation, period, viewer, cancellationToken);
            }
            rows.Add(new IndicatorRow(set?.Id, Name(computation), kind, computation, unit, set?.Baseline, set?.Target, values, Source(computation), set?.Comment, set?.Version ?? 0));
        }
        rows.AddRange(stored.Where(i => i.Computation is null).Select(i => new IndicatorRow(
            i.Id, i.Name, i.Kind, null, i.Unit, i.Baseline, i.Target,
            Enum.GetValues<RoundKind>().ToDictionary(p => p, p => new IndicatorValue(i.ValueOf(p), false)),
            i.Source, i.Comment, i.Version)));
        return rows;
    }

    /// <summary>Adds a typed indicator. Problems keyed by the API's field names.</summary>
    public async Task<(Indicator? Indicator, Dictionary<string, string> Errors)> AddAsync(ActionPlan plan, IndicatorInput input, CancellationToken cancellationToken = default)
    {
        var indicator = new Indicator { PlanId = plan.Id, Name = "" };
        var errors = Apply(indicator, input, computed: false);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return (indicator, errors);
    }

    /// <summary>Changes a typed indicator, or the baseline, target and comment of a computed one (stored on first change).</summary>
    public async Task<Dictionary<string, string>> UpdateAsync(ActionPlan plan, string key, IndicatorInput input, int shownVersion, CancellationToken cancellationToken = default)
    {
        Indicator? indicator;
        if (Codes.TryParse<Computation>(key, out var computation))
        {
            indicator = await db.Indicators.FirstOrDefaultAsync(i => i.PlanId == plan.Id && i.Computation == computation, cancellationToken);
            if (indicator is null)
            {
                indicator = new Indicator { PlanId = plan.Id, Name = Name(computation), Computation = computation, Kind = Shape(computation).Kind };
                db.Indicators.Add(indicator);
            }
        }
        else
        {
            indicator = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await db.Indicators.FirstOrDefaultAsync(i => i.PlanId == plan.Id && i.Id == id && i.Computation == null, cancellationToken)
                : null;
            if (indicator is null)
            {
                return new Dictionary<string, string> { ["id"] = "Indikatorn finns inte i planen." };
            }
        }
        var errors = Apply(indicator, input, indicator.Computation is not null);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return errors;
        }
        if (db.Entry(indicator).State == EntityState.Added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (!await db.SaveIfUnchangedAsync(indicator, shownVersion, cancellationToken))
        {
            errors["version"] = "Någon annan har ändrat indikatorn sedan du öppnade sidan. Ladda om och försök igen.";
        }
        return errors;
    }

    public async Task<bool> RemoveAsync(ActionPlan plan, int id, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.PlanId == plan.Id && i.Id == id && i.Computation == null, cancellationToken);
        if (indicator is null)
        {
            return false;
        }
        db.Indicators.Remove(indicator);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Dictionary<string, string> Apply(Indicator indicator, IndicatorInput input, bool computed)
    {
        var errors = new Dictionary<string, string>();
        var baseline = Number(input.Baseline, "baseline", errors);
        var target = Number(input.Target, "target", errors);
        var comment = Fields.Guarded(input.Comment, "comment", 2000, errors);
        if (!computed)
        {
            var name = Fields.Guarded(input.Name, "name", 300, errors);
            if (name is null && !errors.ContainsKey("name"))
            {
                errors["name"] = "Ange indikatorns namn.";
            }
            if (!Codes.TryParse<IndicatorKind>(input.Kind?.Trim(), out var kind))
            {
                errors["kind"] = "Ange output (prestation) eller outcome (resultat).";
            }
            var unit = Fields.Guarded(input.Unit, "unit", 50, errors);
            var t1 = Number(input.T1, "t1", errors);
            var t2 = Number(input.T2, "t2", errors);
            var year = Number(input.Year, "year", errors);
            var source = Fields.Guarded(input.Source, "source", 300, errors);
            if (errors.Count == 0)
            {
                (indicator.Name, indicator.Kind, indicator.Unit, indicator.T1, indicator.T2, indicator.Year, indicator.Source) = (name!, kind, unit, t1, t2, year, source);
            }
        }
        if (errors.Count == 0)
        {
            (indicator.Baseline, indicator.Target, indicator.Comment) = (baseline, target, comment);
        }
        return errors;
    }

    /// <summary>
    /// A number as people write it: "12,5", "12.5", "1 200", with or without "%", and negative with a hyphen or with the
    /// minus sign (U+2212) that Swedish formatting writes, so that a value shown in the form is read back as it was.
    /// </summary>
    private static decimal? Number(string? text, string field, Dictionary<string, string> errors)
    {
        var value = text?.Replace(" ", "").Replace("\u00a0", "").Replace('\u2212', '-').TrimEnd('%').Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || Math.Abs(number) >= MaxValue)
        {
            errors[field] = "Ange ett tal, till exempel 12 eller 12,5.";
            return null;
        }
        return Math.Round(number, 2);
    }

    private async Task<IndicatorValue> ComputeAsync(ActionPlan plan, Computation computation, RoundKind period, Viewer viewer, CancellationToken cancellationToken)
    {
        var cutoff = period.Cutoff(plan.Year);
        switch (computation)
        {
            case Computation.TrainingCompletion:
                return await TrainingCompletionAsync(plan.CouncilId, plan.Year, cancellationToken);
            case Computation.ForumVbeShare:
            {
                var start = new DateOnly(plan.Year, 1, 1);
                var meetings = await db.ForumMeetings.AsNoTracking()
                    .Where(m => m.Date >= start && m.Date <= cutoff && db.Forums.Any(f => f.Id == m.ForumId && f.CouncilId == plan.CouncilId))
                    .Select(m => m.VbeOnAgenda).ToListAsync(cancellationToken);
                return meetings.Count == 0 ? IndicatorValue.None : new IndicatorValue(Percent(meetings.Count(v => v), meetings.Count), false);
            }
            case Computation.SurveySufficientKnowledge:
            {
                var today = clock.Today();
                var rounds = await db.SurveyRounds.AsNoTracking().Where(r => r.CouncilId == plan.CouncilId && (r.Year == plan.Year || r.Year == plan.Year - 1)).ToListAsync(cancellationToken);
                var round = rounds.Where(r => r.IsClosed(today) && (r.ClosedAt is { } closed ? DateOnly.FromDateTime(closed) : r.Closes) <= cutoff)
                    .OrderByDescending(r => r.ClosedAt is { } closed ? DateOnly.FromDateTime(closed) : r.Closes).FirstOrDefault();
                if (round is null)
                {
                    return IndicatorValue.None;
                }
                var result = await SurveyResults.LoadAsync(db, round, viewer, withComments: false, Threshold, cancellationToken);
                var yes = result.Questions.FirstOrDefault(q => q.Code == "sufficientKnowledge")?.Options.FirstOrDefault(o => o.Option == "yes")?.All;
                return yes is null ? IndicatorValue.None
                    : yes.Suppressed || yes.Share is null && result.Answered.Suppressed ? new IndicatorValue(null, true)
                    : new IndicatorValue(yes.Share is { } share ? Math.Round((decimal)share, 0) : null, false);
            }
            case Computation.ReportsPerTenThousand:
                return await ReportsPerTenThousandAsync(plan.CouncilId, plan.Year, cutoff, viewer, cancellationToken);
            case Computation.ActivitiesOnTime:
            {
                var activities = await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync(cancellationToken);
                var round = await db.FollowUpRounds.AsNoTracking().Include(r => r.Entries).FirstOrDefaultAsync(r => r.PlanId == plan.Id && r.Kind == period, cancellationToken);
                var statuses = round?.Entries.ToDictionary(e => e.ActivityId, e => e.Status) ?? [];
                var due = activities
                    .Select(a => (Activity: a, Status: statuses.TryGetValue(a.Id, out var s) ? s : a.Status))
                    .Where(x => x.Activity.ParsedSchedule?.End is { } end && end <= cutoff && x.Status != ActivityStatus.Cancelled)
                    .ToList();
                return due.Count == 0 ? IndicatorValue.None : new IndicatorValue(Percent(due.Count(x => x.Status == ActivityStatus.Done), due.Count), false);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(computation));
        }
    }

    /// <summary>The share of the council's staff who completed a course in the year, over all courses (registered per year).</summary>
    public async Task<IndicatorValue> TrainingCompletionAsync(int councilId, int year, CancellationToken cancellationToken = default)
    {
        var rows = await db.Completions.AsNoTracking().Where(c => c.Year == year && c.Unit!.CouncilId == councilId)
            .Select(c => new { c.Staff, c.Completed }).ToListAsync(cancellationToken);
        var staff = rows.Sum(r => r.Staff);
        return staff == 0 ? IndicatorValue.None : new IndicatorValue(Percent(rows.Sum(r => r.Completed), staff), false);
    }

    /// <summary>
    /// Reports assessed as relevant in whole quarters of the year up to <paramref name="cutoff"/>, per 10,000 inhabitants
    /// of the year's population; hidden from everyone but coordinators when the count is small, as in the picture.
    /// </summary>
    public async Task<IndicatorValue> ReportsPerTenThousandAsync(int councilId, int year, DateOnly cutoff, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var lastQuarter = Enumerable.Range(1, 4).Where(q => new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1) <= cutoff).DefaultIfEmpty(0).Max();
        var count = await db.ReportTallies.AsNoTracking()
            .Where(t => t.CouncilId == councilId && t.Assessment == Assessment.Relevant && t.Year == year && t.Quarter <= lastQuarter)
            .SumAsync(t => t.Count, cancellationToken);
        var population = await db.SituationInputs.AsNoTracking().Where(i => i.CouncilId == councilId && i.Year == year).Select(i => i.Population).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Councils.AsNoTracking().Where(c => c.Id == councilId).Select(c => c.Population).FirstOrDefaultAsync(cancellationToken);
        if (population is not > 0)
        {
            return IndicatorValue.None;
        }
        return viewer == Viewer.Public && count > 0 && count < Threshold
            ? new IndicatorValue(null, true)
            : new IndicatorValue(Math.Round(10_000m * count / population.Value, 1), false);
    }

    private static decimal Percent(int part, int whole) => Math.Round(100m * part / whole, 0, MidpointRounding.AwayFromZero);
}
