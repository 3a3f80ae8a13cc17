using Microsoft.AspNetCore.Mvc.Rendering;
using Varn.Core.Surveys;

namespace Varn.Web.Pages.Surveys;

/// <summary>The survey rounds a person may see: coordinators open and run them; readers and police read closed rounds' results.</summary>
public class IndexModel(VarnDbContext db, TimeProvider clock) : VarnPageModel
{
    public sealed record RoundRow(string Council, string CouncilName, int Year, DateOnly Closes, bool Closed, int Invited, int Answered, bool Coordinates);

    public sealed class OpenInput
    {
        public string? Council { get; set; }
        public int? Year { get; set; }
    }

    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Councils { get; private set; } = [];
    public bool IsCentral => Access.IsCentral;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbidden();
        }
        Input.Year = clock.Today().Year;
        return Page();
    }

    /// <summary>Opens the round page for a council and year; the round itself is opened there, with its closing date and recipients.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbidden();
        }
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == Input.Council, cancellationToken);
        if (council is null || !Access.CanCoordinate(council.Id))
        {
            ModelState.AddModelError("Input.Council", T["Välj nämnd."]);
        }
        var thisYear = clock.Today().Year;
        if (Input.Year is null || Input.Year < 2000 || Input.Year > thisYear + 1)
        {
            ModelState.AddModelError("Input.Year", T["Ange ett år mellan 2000 och {0}.", thisYear + 1]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        return Redirect($"/enkater/{council!.Short}/{Input.Year}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var visible = councils.Where(c => Access.CanSeePicture(c.Id)).Select(c => c.Id).ToList();
        if (visible.Count == 0)
        {
            return false;
        }
        Councils = councils.Where(c => Access.CanCoordinate(c.Id)).Select(c => new SelectListItem(c.Name, c.Short)).ToList();
        var today = clock.Today();
        var rounds = await db.SurveyRounds.AsNoTracking().Where(r => visible.Contains(r.CouncilId))
            .OrderByDescending(r => r.Year).ThenBy(r => r.Council!.Name)
            .Select(r => new { r.CouncilId, r.Council!.Short, r.Council.Name, r.Year, r.Closes, r.ClosedAt, Invited = r.Invitations.Count, Answered = r.Invitations.Count(i => i.Answered) })
            .ToListAsync(cancellationToken);
        Rounds = rounds.Select(r => new RoundRow(r.Short, r.Name, r.Year, r.Closes, r.ClosedAt is not null || today > r.Closes, r.Invited, r.Answered, Access.CanCoordinate(r.CouncilId))).ToList();
        return true;
    }
}
