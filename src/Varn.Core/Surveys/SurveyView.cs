using Varn.Core.Accounts;
using Varn.Core.Statistics;

namespace Varn.Core.Surveys;

/// <summary>
/// Who sees a round's results, how and when (DESIGN §5 rule 2, C8): the council's coordinators see exact counts once the
/// round has closed, or while it is open once at least <see cref="OpenThreshold"/> have answered, and the free-text
/// answers after closing; everyone else who may see the council's picture sees protected counts after closing.
/// </summary>
public sealed record SurveyView(Viewer Viewer, bool Comments, string? Refusal)
{
    public const int OpenThreshold = 5;

    public static async Task<SurveyView> DecideAsync(VarnDbContext db, Access access, SurveyRound round, DateOnly today, CancellationToken cancellationToken = default)
    {
        var closed = round.IsClosed(today);
        if (access.CanCoordinate(round.CouncilId))
        {
            var answered = await db.SurveyInvitations.CountAsync(i => i.RoundId == round.Id && i.Answered, cancellationToken);
            return closed || answered >= OpenThreshold
                ? new SurveyView(Viewer.Coordinator, closed, null)
                : new SurveyView(Viewer.Coordinator, false, $"Resultaten visas när enkäten har stängt, eller när minst {OpenThreshold} har svarat ({answered} hittills).");
        }
        return closed
            ? new SurveyView(Viewer.Public, false, null)
            : new SurveyView(Viewer.Public, false, $"Resultaten visas när enkäten har stängt ({round.Closes:yyyy-MM-dd}).");
    }
}
