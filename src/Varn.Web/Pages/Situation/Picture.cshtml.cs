using Varn.Core.Organisation;
using Varn.Core.Situation;
using Varn.Core.Statistics;

namespace Varn.Web.Pages.Situation;

/// <summary>
/// A council's local situation picture for a plan year: reports by environment, category and quarter, the seven-year
/// trend, the council beside the city, the police, statistics and the drafted findings; exact for the council's
/// coordinators, protected for every other reader. Coordinators edit the findings, mapping and analysis here.
/// </summary>
public class PictureModel(VarnDbContext db, SituationPictures pictures, SituationRegister register) : VarnPageModel
{
    public sealed class TextsInput
    {
        public string? Findings { get; set; }
        public string? Mapping { get; set; }
        public string? Analysis { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public TextsInput Texts { get; set; } = new();

    public Council Council { get; private set; } = null!;
    public SituationPicture Picture { get; private set; } = null!;
    public bool Coordinates { get; private set; }
    public bool EntersPolice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        var input = await register.FindAsync(Council, year, cancellationToken);
        Texts = new TextsInput
        {
            Findings = string.Join('\n', Picture.Findings),
            Mapping = Picture.Mapping,
            Analysis = Picture.Analysis,
            Version = input?.Version ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!Coordinates)
        {
            return Forbidden();
        }
        var errors = await register.SaveTextsAsync(Council, year, Texts.Findings, Texts.Mapping, Texts.Analysis, Texts.Version, cancellationToken);
        if (errors.Count > 0)
        {
            AddErrors(nameof(Texts), errors);
            if (errors.ContainsKey("version"))
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
            return Invalid();
        }
        Flash = "Lägesbildens text är sparad.";
        return Redirect($"/lagesbild/{council}/{year}");
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, CancellationToken cancellationToken)
    {
        var found = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == council, cancellationToken);
        if (found is null || !Access.CanSeePicture(found.Id) || year is < 2000 or > 2100)
        {
            return NotFound();
        }
        Council = found;
        Coordinates = Access.CanCoordinate(found.Id);
        EntersPolice = Access.CanEnterPolice(found.Id);
        Picture = await pictures.BuildAsync(found, year, Coordinates ? Viewer.Coordinator : Viewer.Public, cancellationToken);
        return null;
    }
}
