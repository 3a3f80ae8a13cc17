using Varn.Core.Accounts;
using Varn.Core.Plans;

namespace Varn.Core.FollowUp;

/// <summary>
/// Demo mode: Skärholmen's 2019 seed plan revised to this year (schedules moved to this year), approved, and followed
/// up in made-up rounds — every round whose cut-off has passed submitted, the next one open — so that the follow-up
/// pages and the overview show real-looking work. Labelled as made up in the stage note and every comment.
/// </summary>
public static class DemoFollowUp
{
    public const string Actor = "Påhittad demouppföljning";
    private const string SeedCouncil = "skarholmen";
    private const int SeedYear = 2019;

    public static async Task<int> EnsureAsync(VarnDbContext db, PlanRevision revision, FollowUpRounds rounds, Access access, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var seed = await db.Plans.Include(p => p.Council).FirstOrDefaultAsync(p => p.Council!.Short == SeedCouncil && p.Year == SeedYear, cancellationToken);
        if (seed is null || await db.FollowUpRounds.AnyAsync(cancellationToken) || await db.Plans.AnyAsync(p => p.CouncilId == seed.CouncilId && p.Year == today.Year, cancellationToken))
        {
            return 0;
        }
        var (plan, error) = await revision.ReviseAsync(seed.Id, Actor, cancellationToken, today.Year);
        if (plan is null)
        {
            throw new InvalidOperationException($"Demo follow-up: {error}");
        }
        foreach (var activity in await db.Activities.Where(a => a.PlanId == plan.Id).ToListAsync(cancellationToken))
        {
            activity.SetSchedule(activity.Schedule?.Replace($"{SeedYear}", $"{today.Year}", StringComparison.Ordinal));
        }
        plan.Title += " (påhittad demoplan)";
        plan.Stage = PlanStage.Approved;
        plan.DecidedOn = new DateOnly(today.Year, 1, 20);
        plan.ApprovedOn = new DateOnly(today.Year, 2, 25);
        plan.StageChanges.Add(new StageChange
        {
            From = PlanStage.Draft, To = PlanStage.Approved, ChangedBy = Actor, ChangedAt = clock.GetUtcNow().UtcDateTime,
            Note = "Påhittad demoplan: 2019 års plan reviderad till i år för att visa uppföljningen.",
        });
        await db.SaveChangesAsync(cancellationToken);

        access.ActAsOperator(Actor);
        var random = new Random(2026);
        var submitted = 0;
        foreach (var kind in Enum.GetValues<RoundKind>())
        {
            var (round, refusal, _) = await rounds.OpenAsync(plan, kind, Actor, cancellationToken);
            if (round is null)
            {
                throw new InvalidOperationException($"Demo follow-up: {refusal}");
            }
            round.Plan = plan;
            var progress = kind switch { RoundKind.T1 => 0.25, RoundKind.T2 => 0.55, _ => 0.85 };
            var lines = round.Entries.Where(e => !e.Status.IsFinished()).Select(e =>
            {
                var status = random.NextDouble() < progress ? ActivityStatus.Done : random.NextDouble() < 0.8 ? ActivityStatus.Ongoing : ActivityStatus.Postponed;
                return new EntryInput(e.ActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture), Codes.Of(status),
                    $"Påhittad demokommentar ({kind.Label().ToLowerInvariant()}): {Comment(status)}");
            }).ToList();
            var outcome = await rounds.SaveAsync(plan, round, lines, Actor, cancellationToken: cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Demo follow-up: {string.Join("; ", outcome.Errors.Values)}");
            }
            if (kind.Cutoff(today.Year) >= today)
            {
                break;
            }
            await rounds.SubmitAsync(plan, round, Actor, cancellationToken);
            submitted++;
        }
        return submitted;
    }

    private static string Comment(ActivityStatus status) => status switch
    {
        ActivityStatus.Done => "genomförd enligt plan.",
        ActivityStatus.Ongoing => "pågår, fortsätter under året.",
        _ => "skjuts upp till nästa omgång på grund av resursbrist.",
    };
}
