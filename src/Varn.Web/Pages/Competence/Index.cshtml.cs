using Varn.Core.Competence;

namespace Varn.Web.Pages.Competence;

/// <summary>
/// Training completion of a council for a year: the rates per unit, department and course; figures entered per unit
/// (a unit manager for their own), the learning portal's CSV imported with a preview, and the council's training events.
/// </summary>
public class IndexModel(VarnDbContext db, CompetenceRegister register, TimeProvider clock) : VarnPageModel
{
    public sealed class RowForm
    {
        public string? Unit { get; set; }
        public string? Course { get; set; }
        public string? Staff { get; set; }
        public string? Completed { get; set; }
    }

    public sealed class EventForm
    {
        public string? Date { get; set; }
        public string? Title { get; set; }
        public string? Audience { get; set; }
        public string? Participants { get; set; }
    }

    [BindProperty]
    public List<RowForm> Rows { get; set; } = [];

    [BindProperty]
    public EventForm Event { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [FromQuery(Name = "council")]
    public string? Council { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    public CouncilChoice Choice { get; private set; } = new(null, []);
    public CompetenceYear Figures { get; private set; } = new([], [], [], new Rate("", 0, 0), []);
    public IReadOnlyList<TrainingEvent> Events { get; private set; } = [];

    /// <summary>The rows of an import that passed every check, shown for confirmation before anything is saved.</summary>
    public IReadOnlyList<RowForm>? Preview { get; private set; }

    public bool CanEnter => Choice.Current is { } council && Access.CanRecordCompetence(council.Id);
    public bool CanCoordinate => Choice.Current is { } council && Access.CanCoordinate(council.Id);
    public int ShownYear => Year ?? clock.Today().Year;
    public bool IsCentral => Access.IsCentral;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        Rows = await EditableRowsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!CanEnter)
        {
            return Forbidden();
        }
        var filled = Rows.Where(r => !string.IsNullOrWhiteSpace(r.Staff) || !string.IsNullOrWhiteSpace(r.Completed)).ToList();
        var errors = await register.ReplaceAsync(Choice.Current!, ShownYear, filled.Select(Input).ToList(), OnlyUnits, cancellationToken: cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(RowFieldOf(key, filled), message);
            }
            return Invalid();
        }
        Flash = T["Siffrorna för {0} är sparade.", ShownYear];
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!CanCoordinate)
        {
            return Forbidden();
        }
        Rows = await EditableRowsAsync(cancellationToken);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), T["Välj en CSV-fil från lärplattformen."]);
            return Invalid();
        }
        if (Upload.Length > 2 * 1024 * 1024)
        {
            ModelState.AddModelError(nameof(Upload), T["Filen är större än 2 MB."]);
            return Invalid();
        }
        await using var stream = Upload.OpenReadStream();
        var (input, lines, unreadable) = CompletionCsv.Read(stream);
        if (unreadable is not null)
        {
            ModelState.AddModelError(nameof(Upload), unreadable);
            return Invalid();
        }
        var (_, errors) = await register.CheckAsync(Choice.Current!, ShownYear, input, cancellationToken: cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var (index, column) = RowAndColumn(key);
                ModelState.AddModelError(nameof(Upload), T["Rad {0}, kolumnen {1}: {2}", lines[index], column, message]);
            }
            return Invalid();
        }
        Preview = input.Select(r => new RowForm { Unit = r.Unit, Course = r.Course, Staff = r.Staff, Completed = r.Completed }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!CanCoordinate)
        {
            return Forbidden();
        }
        var errors = Rows.Count == 0
            ? new Dictionary<string, string> { ["rows"] = T["Importen har inga rader."] }
            : await register.ReplaceAsync(Choice.Current!, ShownYear, Rows.Select(Input).ToList(), cancellationToken: cancellationToken);
        if (errors.Count > 0)
        {
            Rows = await EditableRowsAsync(cancellationToken);
            ModelState.AddModelError(nameof(Upload), T["Importen sparades inte: registret har ändrats sedan förhandsvisningen. Läs in filen igen."]);
            return Invalid();
        }
        Flash = T["{0} rader är inlästa för {1}. Tidigare siffror för året är ersatta.", Rows.Count, ShownYear];
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostEventAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!CanCoordinate)
        {
            return Forbidden();
        }
        var (training, errors) = await register.AddEventAsync(Choice.Current!, Event.Date, Event.Title, Event.Audience, Event.Participants, cancellationToken);
        if (training is null)
        {
            Rows = await EditableRowsAsync(cancellationToken);
            AddErrors("Event", errors);
            return Invalid();
        }
        Flash = T["Utbildningstillfället {0:yyyy-MM-dd} är registrerat.", training.Date];
        return Redirect(Here);
    }

    private string Here => $"/kompetens?council={Choice.Current!.Short}&year={ShownYear}";

    private IReadOnlyCollection<int>? OnlyUnits => CanCoordinate ? null : Access.ManagedUnits;

    private static CompletionInput Input(RowForm row) => new(row.Unit, row.Course, row.Staff, row.Completed);

    private static (int Index, string Column) RowAndColumn(string key)
    {
        var index = int.Parse(key[(key.IndexOf('[') + 1)..key.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
        return (index, key[(key.IndexOf('.') + 1)..]);
    }

    /// <summary>"rows[1].staff" of the filled rows → the field of that row in the whole form.</summary>
    private string RowFieldOf(string key, List<RowForm> filled)
    {
        var (index, column) = RowAndColumn(key);
        return FieldOf($"Rows[{Rows.IndexOf(filled[index])}]", column);
    }

    /// <summary>One row per unit the person may enter for and course, with this year's figures where there are any.</summary>
    private async Task<List<RowForm>> EditableRowsAsync(CancellationToken cancellationToken)
    {
        if (!CanEnter)
        {
            return [];
        }
        var units = await db.Units.AsNoTracking().Where(u => u.CouncilId == Choice.Current!.Id).OrderBy(u => u.Name).ToListAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().OrderByDescending(c => c.Mandatory).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var only = OnlyUnits;
        return units.Where(u => only is null || only.Contains(u.Id))
            .SelectMany(u => courses.Select(c => (Unit: u, Course: c)))
            .Select(pair =>
            {
                var row = Figures.Rows.FirstOrDefault(r => r.UnitId == pair.Unit.Id && r.CourseId == pair.Course.Id);
                return new RowForm { Unit = pair.Unit.Name, Course = pair.Course.Name, Staff = row?.Staff.ToString(), Completed = row?.Completed.ToString() };
            })
            .ToList();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Choice = await CouncilChoice.LoadAsync(db, Access, Council, cancellationToken);
        if (Choice.Current is null)
        {
            return Council is null ? Forbidden() : NotFound();
        }
        if (ShownYear is < 2000 or > 2100)
        {
            return NotFound();
        }
        Figures = await register.LoadAsync(Choice.Current, ShownYear, cancellationToken);
        Events = await db.TrainingEvents.AsNoTracking().Where(e => e.CouncilId == Choice.Current.Id && e.Date.Year == ShownYear).OrderBy(e => e.Date).ToListAsync(cancellationToken);
        return null;
    }
}
