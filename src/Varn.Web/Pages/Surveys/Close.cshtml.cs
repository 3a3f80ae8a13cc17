using Varn.Core.Surveys;

namespace Varn.Web.Pages.Surveys;

/// <summary>Closing a round before its closing date, after a check: once closed, no link takes answers and the results are final.</summary>
public class CloseModel(VarnDbContext db, SurveyRounds rounds, TimeProvider clock) : VarnPageModel
{
    public SurveyRound Round { get; private set; } = null!;
    public int Answered { get; private set; }
    public int Invited { get; private set; }

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken) =>
        await LoadAsync(council, year, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        await rounds.CloseAsync(Round, cancellationToken);
        Flash = T["Enkäten är stängd. Resultaten är klara."];
        return Redirect($"/enkater/{council}/{year}/resultat");
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, CancellationToken cancellationToken)
    {
        var round = await db.SurveyRounds.Include(r => r.Council).FirstOrDefaultAsync(r => r.Council!.Short == council && r.Year == year, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }
        if (!Access.CanCoordinate(round.CouncilId))
        {
            return Forbidden();
        }
        Round = round;
        Invited = await db.SurveyInvitations.CountAsync(i => i.RoundId == round.Id, cancellationToken);
        Answered = await db.SurveyInvitations.CountAsync(i => i.RoundId == round.Id && i.Answered, cancellationToken);
        if (round.IsClosed(clock.Today()))
        {
            Flash = T["Enkäten är redan stängd."];
            return Redirect($"/enkater/{council}/{year}");
        }
        return null;
    }
}
