using Varn.Core.Accounts;
using Varn.Core.FollowUp;
using Varn.Core.Plans;

namespace Varn.Core.Overview;

/// <summary>What waits for the person (C18): kind (a fixed code), a Swedish title, where to do it, and by when.</summary>
public sealed record WorkItem(string Kind, string Title, string Url, DateOnly? Due);

/// <summary>
/// "My work": by role and scope, the activities a person follows up in open rounds, the rounds their councils have to
/// submit, survey invitations for their units not yet answered, reports waiting for assessment, and plans waiting for a
/// stage change — soonest due first.
/// </summary>
public sealed class MyWork(VarnDbContext db, Access access, FollowUpRounds rounds, TimeProvider clock)
{
    public async Task<List<WorkItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<WorkItem>();
        var today = clock.Today();
        var councils = access.IsCentral ? null : access.Grants.Where(g => g.Role == Role.LocalCoordinator && g.CouncilId is not null).Select(g => g.CouncilId!.Value).ToList();
        var coordinates = access.IsCentral || councils!.Count > 0;
        var units = access.ManagedUnits.ToList();

        // Open rounds: a unit manager's own activities in them; a coordinator's rounds to submit.
        var open = await db.FollowUpRounds.AsNoTracking().Include(r => r.Plan).ThenInclude(p => p!.Council)
            .Where(r => r.State == RoundState.Open && r.Plan!.Stage != PlanStage.Superseded)
            .ToListAsync(cancellationToken);
        foreach (var round in open)
        {
            var plan = round.Plan!;
            var path = $"{PlanGuard.PathOf(plan.Council!.Short, plan.Year)}/uppfoljning/{round.Kind.Code()}";
            var due = await rounds.DueAsync(plan.Year, round.Kind, cancellationToken);
            if (access.IsCentral || councils!.Contains(plan.CouncilId))
            {
                items.Add(new WorkItem("round", $"Lämna in {round.Kind.Label().ToLowerInvariant()} {plan.Year} för {plan.Council.Name}", path, due));
            }
            else if (units.Count > 0)
            {
                var mine = await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id && a.ResponsibleUnitId != null && units.Contains(a.ResponsibleUnitId.Value))
                    .OrderBy(a => a.Area).ThenBy(a => a.Order).Select(a => new { a.Id, a.Text }).ToListAsync(cancellationToken);
                items.AddRange(mine.Select(a => new WorkItem("activity", $"Följ upp «{Shorten(a.Text)}» ({round.Kind.Label().ToLowerInvariant()} {plan.Year})", $"{path}#aktivitet-{a.Id}", due)));
            }
        }

        // Survey invitations for the person's units that are not answered, in rounds still open.
        if (units.Count > 0)
        {
            var invitations = await db.SurveyInvitations.AsNoTracking().Include(i => i.Round)
                .Where(i => i.UnitId != null && units.Contains(i.UnitId.Value) && !i.Answered && i.Round!.ClosedAt == null && i.Round.Closes >= today)
                .ToListAsync(cancellationToken);
            items.AddRange(invitations.Select(i => new WorkItem("survey",
                $"Enkäten {i.Round!.Year}: {i.RecipientName} har inte svarat. Svara med länken som enheten fick.", "/enkater", i.Round.Closes)));
        }

        if (coordinates)
        {
            var waiting = await access.Reports(db).AsNoTracking().Where(r => r.Assessment == null && r.ClosedAt == null)
                .Select(r => r.Id).ToListAsync(cancellationToken);
            if (waiting.Count > 0)
            {
                items.Add(new WorkItem("reports", waiting.Count == 1 ? "1 rapport väntar på bedömning" : $"{waiting.Count} rapporter väntar på bedömning",
                    "/rapporter", null));
            }
            var plans = await access.Plans(db).AsNoTracking().Include(p => p.Council)
                .Where(p => (p.Stage == PlanStage.Consultation || p.Stage == PlanStage.Decided) && (councils == null || councils.Contains(p.CouncilId)))
                .OrderBy(p => p.Year).ToListAsync(cancellationToken);
            items.AddRange(plans.Select(p => new WorkItem("plan",
                p.Stage == PlanStage.Consultation
                    ? $"{p.Council!.Name}s plan {p.Year} är på remiss: behandla den i nämnd"
                    : $"{p.Council!.Name}s plan {p.Year} är behandlad i nämnd och väntar på kommunstyrelsens godkännande",
                PlanGuard.PathOf(p.Council.Short, p.Year), null)));
        }
        return items.OrderBy(i => i.Due is null).ThenBy(i => i.Due).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
