using Microsoft.Extensions.Localization;
using Varn.Core.Organisation;
using Varn.Core.Situation;
using Varn.Core.Statistics;

namespace Varn.Web.Pages.Situation;

/// <summary>
/// A council's local situation picture for a plan year: reports by environment, category and quarter, the seven-year
/// trend, the council beside the city, the police, statistics and the drafted findings; exact for the council's
/// coordinators, protected for every other reader. Coordinators edit the findings, mapping and analysis here.
/// </summary>
public class PictureModel(VarnDbContext db, SituationPictures pictures, SituationRegister register, PlanGuard plans, AuditLog audit) : VarnPageModel
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
        ShowTexts(await register.FindAsync(Council, year, cancellationToken));
        return Page();
    }

    /// <summary>The texts as they stand, and the version of the picture's input they were read at.</summary>
    private void ShowTexts(SituationInput? input) => Texts = new TextsInput
    {
        Findings = string.Join('\n', Picture.Findings),
        Mapping = Picture.Mapping,
        Analysis = Picture.Analysis,
        Version = input?.Version ?? 0,
    };

    public Task<IActionResult> OnGetWordAsync(string council, int year, CancellationToken cancellationToken) =>
        ExportAsync(council, year, "DOCX", SituationWord.Write, Varn.Core.Plans.Interchange.PlanWordExporter.ContentType, "docx", cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(string council, int year, CancellationToken cancellationToken) =>
        ExportAsync(council, year, "CSV", SituationFile.Csv, Varn.Core.Documents.TableFile.CsvContentType, "csv", cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(string council, int year, CancellationToken cancellationToken) =>
        ExportAsync(council, year, "XLSX", SituationFile.Xlsx, Varn.Core.Documents.TableFile.XlsxContentType, "xlsx", cancellationToken);

    /// <summary>The picture as the person sees it on the page, as a file; the export is audited.</summary>
    private async Task<IActionResult> ExportAsync(string council, int year, string format, Func<SituationPicture, byte[]> write, string contentType, string extension,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        await audit.RecordAsync("situation.exported", nameof(Council), Council.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{year} {format}", cancellationToken);
        return File(write(Picture), contentType, SituationFile.Name(Picture, extension));
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
        if (Picture.Frozen)
        {
            return Conflict(Frozen(T));
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
        Flash = T["Lägesbildens text är sparad."];
        return Redirect($"/lagesbild/{council}/{year}");
    }

    /// <summary>
    /// "Använd i planen": the findings and the mapping into the draft plan's Kartläggning, the analysis into its Analys.
    /// Drafted findings go in as every reader sees them (the plan becomes a public document): small counts stay hidden.
    /// The form carries the version of the picture's input the coordinator read: if someone has saved its texts or
    /// sources since, nothing goes into the plan and the page shows what now stands (409).
    /// </summary>
    public async Task<IActionResult> OnPostUseAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!Coordinates)
        {
            return Forbidden();
        }
        if (Picture.Frozen)
        {
            return Conflict(Frozen(T));
        }
        var input = await register.FindAsync(Council, year, cancellationToken);
        if ((input?.Version ?? 0) != Texts.Version)
        {
            ShowTexts(input);
            return Conflict(T["Någon har ändrat lägesbilden sedan du öppnade sidan. Läs texten som den ser ut nu och välj «Använd i planen» igen."]);
        }
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.ChangeContent, cancellationToken);
        if (plan is null || refusal is not null)
        {
            return Conflict(plan is null ? T["Det finns ingen plan för {0} ännu. Skapa planen först och använd sedan lägesbilden i den.", year] : refusal!.Message);
        }
        var published = Picture.FindingsEdited ? Picture : await pictures.BuildAsync(Council, year, Viewer.Public, cancellationToken);
        var sections = await db.PlanSections.Where(s => s.PlanId == plan.Id && (s.Key == SectionKey.SituationMapping || s.Key == SectionKey.SituationAnalysis))
            .ToListAsync(cancellationToken);
        foreach (var (key, text) in SituationText.ForPlan(published))
        {
            var section = sections.FirstOrDefault(s => s.Key == key);
            if (section is null)
            {
                db.PlanSections.Add(new PlanSection { PlanId = plan.Id, Key = key, Text = text });
            }
            else
            {
                section.Text = text;
                section.Version++;
            }
        }
        plans.MarkChanged(plan);
        await db.SaveChangesAsync(cancellationToken);
        Flash = T["Lägesbilden är inlagd i planens avsnitt «{0}» och «{1}».", T[SectionKey.SituationMapping.Title()], T[SectionKey.SituationAnalysis.Title()]];
        return Redirect($"{PlanGuard.PathOf(council, year)}#avsnitt-{Codes.Of(SectionKey.SituationMapping)}");
    }

    public static string Frozen(IStringLocalizer T) => T["Lägesbilden är fastställd med planen och ändras inte längre. Ingenting sparades."];

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
