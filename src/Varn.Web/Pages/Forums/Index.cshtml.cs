using Microsoft.AspNetCore.Mvc.Rendering;
using Varn.Core.Forums;

namespace Varn.Web.Pages.Forums;

/// <summary>The council's cooperation forums with this year's meetings against planned; coordinators add forums here.</summary>
public class IndexModel(VarnDbContext db, ForumRegister register, TimeProvider clock) : VarnPageModel
{
    public sealed class ForumForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Owner { get; set; }
        public string? Members { get; set; }
        public string? Frequency { get; set; }
    }

    [BindProperty]
    public ForumForm Input { get; set; } = new();

    [FromQuery(Name = "council")]
    public string? Council { get; set; }

    public CouncilChoice Choice { get; private set; } = new(null, []);
    public IReadOnlyList<(Forum Forum, ForumYear Year)> Forums { get; private set; } = [];
    public int Year { get; private set; }
    public bool CanEdit => Choice.Current is { } council && Access.CanCoordinate(council.Id);

    public static IReadOnlyList<SelectListItem> Kinds => CodeChoices.Of<ForumKind>(ForumRegister.Label);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!CanEdit)
        {
            return Forbidden();
        }
        var (forum, errors) = await register.CreateAsync(Choice.Current!, new ForumInput(Input.Name, Input.Kind, Input.Owner, Input.Members, Input.Frequency), cancellationToken: cancellationToken);
        if (forum is null)
        {
            AddErrors("Input", errors);
            return Invalid();
        }
        Flash = T["Forumet {0} är registrerat.", forum.Name];
        return Redirect($"/forum/{forum.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Choice = await CouncilChoice.LoadAsync(db, Access, Council, cancellationToken);
        if (Choice.Current is null)
        {
            return Council is null ? Forbidden() : NotFound();
        }
        Year = clock.Today().Year;
        var forums = await db.Forums.AsNoTracking().Include(f => f.Meetings).Where(f => f.CouncilId == Choice.Current.Id).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        Forums = forums.Select(f => (f, ForumYear.For(f, Year))).ToList();
        return null;
    }
}
