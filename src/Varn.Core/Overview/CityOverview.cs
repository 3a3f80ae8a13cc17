using Varn.Core.FollowUp;
using Varn.Core.Organisation;
using Varn.Core.Plans;
using Varn.Core.Statistics;
using Varn.Core.Surveys;

namespace Varn.Core.Overview;

/// <summary>A council's plan as the overview shows it.</summary>
public sealed record PlanFacts(string Path, PlanStage Stage, DateOnly? DecidedOn, DateOnly? ApprovedOn, string? Diarienummer);

/// <summary>The situation picture's state for the year: nothing entered, a draft with sources, or frozen with the approved plan.</summary>
public enum PictureState
{
    None,
    Draft,
    Frozen,
}

/// <summary>One council's year on the city overview (C11).</summary>
public sealed record CouncilYear(
    Council Council,
    PlanFacts? Plan,
    PictureState SituationPicture,
    IReadOnlyDictionary<ActivityArea, int> ByArea,
    IReadOnlyDictionary<ActivityStatus, int> ByStatus,
    int Overdue,
    IReadOnlyDictionary<RoundKind, RoundState?> Rounds,
    decimal? SurveyResponseRate,
    IndicatorValue TrainingCompletion,
    IndicatorValue ReportsPerTenThousand);

/// <summary>
/// The city overview for a year (C11): every council of the municipality with its plan, picture, activities, rounds,
/// survey response rate, training completion and relevant reports per 10,000 inhabitants, as the viewer may see them.
/// Overdue is counted at the latest round of the plan.
/// </summary>
public sealed class CityOverview(VarnDbContext db, FollowUpRounds rounds, PlanIndicators indicators, Accounts.Access access)
{
    /// <summary>The central coordinator sees the overview exactly; readers of the city office see it with small counts hidden.</summary>
    public async Task<Viewer?> ViewerAsync(CancellationToken cancellationToken = default)
    {
        if (access.IsCentral)
        {
            return Viewer.Coordinator;
        }
        var readerCouncils = access.Grants.Where(g => g.Role == Accounts.Role.Reader && g.CouncilId is not null).Select(g => g.CouncilId!.Value).ToList();
        return readerCouncils.Count > 0 && await db.Councils.AnyAsync(c => readerCouncils.Contains(c.Id) && c.Kind == CouncilKind.Central, cancellationToken)
            ? Viewer.Public
            : null;
    }

    public async Task<List<CouncilYear>> BuildAsync(int year, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var plans = await db.Plans.Include(p => p.Council).Where(p => p.Year == year).ToDictionaryAsync(p => p.CouncilId, cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => a.Plan!.Year == year).Select(a => new { a.Plan!.CouncilId, a.Area, a.Status }).ToListAsync(cancellationToken);
        var frozen = (await db.FrozenPictures.AsNoTracking().Where(f => f.Year == year).Select(f => f.CouncilId).ToListAsync(cancellationToken)).ToHashSet();
        var drafts = (await db.SituationInputs.AsNoTracking().Where(i => i.Year == year).Select(i => i.CouncilId).ToListAsync(cancellationToken)).ToHashSet();
        var surveyRounds = await db.SurveyRounds.AsNoTracking().Where(r => r.Year == year).ToDictionaryAsync(r => r.CouncilId, cancellationToken);
        var cutoff = RoundKind.Year.Cutoff(year);

        var rows = new List<CouncilYear>();
        foreach (var council in councils)
        {
            var plan = plans.GetValueOrDefault(council.Id);
            var own = activities.Where(a => a.CouncilId == council.Id).ToList();
            var roundStates = Enum.GetValues<RoundKind>().ToDictionary(k => k, _ => (RoundState?)null);
            var overdue = 0;
            if (plan is not null)
            {
                foreach (var round in await rounds.ListAsync(plan, cancellationToken))
                {
                    roundStates[round.Kind] = round.State;
                }
                overdue = (await rounds.LatestOverdueAsync(plan, cancellationToken))?.Overdue.Count ?? 0;
            }
            decimal? responseRate = null;
            if (surveyRounds.TryGetValue(council.Id, out var surveyRound))
            {
                var result = await SurveyResults.LoadAsync(db, surveyRound, viewer, withComments: false, indicators.Threshold, cancellationToken);
                responseRate = result.ResponseRate is { } rate ? Math.Round((decimal)rate, 0) : null;
            }
            rows.Add(new CouncilYear(
                council,
                plan is null ? null : new PlanFacts(PlanGuard.PathOf(council.Short, year), plan.Stage, plan.DecidedOn, plan.ApprovedOn, plan.Diarienummer),
                frozen.Contains(council.Id) ? PictureState.Frozen : drafts.Contains(council.Id) ? PictureState.Draft : PictureState.None,
                Enum.GetValues<ActivityArea>().ToDictionary(a => a, a => own.Count(x => x.Area == a)),
                Enum.GetValues<ActivityStatus>().ToDictionary(s => s, s => own.Count(x => x.Status == s)),
                overdue,
                roundStates,
                responseRate,
                await indicators.TrainingCompletionAsync(council.Id, year, cancellationToken),
                await indicators.ReportsPerTenThousandAsync(council.Id, year, cutoff, viewer, cancellationToken)));
        }
        return rows;
    }
}
