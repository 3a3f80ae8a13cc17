using System.Text;
using Varn.Core.FollowUp;

namespace Varn.Web.Pages.FollowUp;

/// <summary>
/// One follow-up round: the responsible fill in status and comment (saved bit by bit), the coordinator submits it, and
/// anyone who may see it downloads it as Word, CSV or XLSX; a CSV edited in a spreadsheet comes back with a preview.
/// </summary>
public class RoundModel(PlanGuard plans, FollowUpRounds rounds, AuditLog audit) : VarnPageModel
{
    public const int MaxUpload = 1024 * 1024;

    public sealed class LineForm
    {
        public int Id { get; set; }
        public string? Status { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty]
    public List<LineForm> Lines { get; set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The uploaded file's text, carried from the preview to the confirmation.</summary>
    [BindProperty]
    public string? ImportText { get; set; }

    public RoundView View { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<EntryChange>? Preview { get; private set; }
    public string PlanPath => PlanGuard.PathOf(View.Plan.Council!.Short, View.Plan.Year);
    public string Here => $"{PlanPath}/uppfoljning/{View.Round.Kind.Code()}";

    /// <summary>The position of a line's fields in <see cref="Lines"/>; null when the person may not change it.</summary>
    public int? FormIndex(RoundLine line) => Lines.FindIndex(l => l.Id == line.Id) is var index and >= 0 ? index : null;

    public async Task<IActionResult> OnGetAsync(string council, int year, string round, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, round, cancellationToken) is { } refused)
        {
            return refused;
        }
        Lines = View.Lines.Where(l => l.CanEdit).Select(l => new LineForm { Id = l.Id, Status = Codes.Of(l.Status), Comment = l.Comment }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(string council, int year, string round, string? format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, round, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (FollowUpFiles.Export(View, format ?? "") is not { } file)
        {
            return NotFound();
        }
        await audit.RecordAsync("followup.export", "plan", View.Plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{View.Round.Kind.Code()} {format!.ToLowerInvariant()}", cancellationToken);
        return File(file.Content, file.ContentType, file.Name);
    }

    public async Task<IActionResult> OnPostSaveAsync(string council, int year, string round, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, round, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!await rounds.MayFollowUpAnyAsync(View.Plan, cancellationToken))
        {
            return Forbidden();
        }
        var outcome = await rounds.SaveAsync(View.Plan, View.Round, Lines.Select(l => new EntryInput(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Status, l.Comment)).ToList(), Actor, cancellationToken: cancellationToken);
        if (outcome.Forbidden)
        {
            return Forbidden();
        }
        if (outcome.Conflict)
        {
            return Conflict(Locked);
        }
        if (outcome.Errors.Count > 0)
        {
            foreach (var (key, message) in outcome.Errors)
            {
                var index = key[1..key.IndexOf(']')];
                ModelState.AddModelError(FieldOf($"Lines[{index}]", key[(key.IndexOf('.') + 1)..]), message);
            }
            return Invalid();
        }
        Flash = outcome.Changes.Count == 0 ? T["Inget var ändrat."] : T["{0} aktiviteter är sparade. Omgången är fortfarande öppen.", outcome.Changes.Count];
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostSubmitAsync(string council, int year, string round, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, round, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!rounds.MayManage(View.Plan))
        {
            return Forbidden();
        }
        Lines = [];
        if (!await rounds.SubmitAsync(View.Plan, View.Round, Actor, cancellationToken))
        {
            return Conflict(Locked);
        }
        Flash = T["{0} är inlämnad och låst. Aktiviteternas status i planen är uppdaterad.", T[View.Round.Kind.Label()]];
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostImportAsync(string council, int year, string round, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, round, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!await rounds.MayFollowUpAnyAsync(View.Plan, cancellationToken))
        {
            return Forbidden();
        }
        Lines = [];
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), T["Välj en CSV-fil i samma form som exporten."]);
            return Invalid();
        }
        if (Upload.Length > MaxUpload)
        {
            ModelState.AddModelError(nameof(Upload), T["Filen är större än 1 MB."]);
            return Invalid();
        }
        using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        ImportText = await reader.ReadToEndAsync(cancellationToken);
        return await ImportAsync(store: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmAsync(string council, int year, string round, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, round, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!await rounds.MayFollowUpAnyAsync(View.Plan, cancellationToken))
        {
            return Forbidden();
        }
        Lines = [];
        if (string.IsNullOrEmpty(ImportText) || ImportText.Length > MaxUpload)
        {
            ModelState.AddModelError(nameof(Upload), T["Läs in filen igen: förhandsvisningen saknas."]);
            return Invalid();
        }
        return await ImportAsync(store: true, cancellationToken);
    }

    private async Task<IActionResult> ImportAsync(bool store, CancellationToken cancellationToken)
    {
        var (rows, unreadable) = FollowUpFiles.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(ImportText!)));
        if (unreadable is not null)
        {
            ModelState.AddModelError(nameof(Upload), unreadable);
            return Invalid();
        }
        var (outcome, errors) = await rounds.ImportAsync(View.Plan, View.Round, rows, Actor, store, cancellationToken);
        if (outcome.Forbidden)
        {
            return Forbidden();
        }
        if (outcome.Conflict)
        {
            return Conflict(Locked);
        }
        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(50))
            {
                ModelState.AddModelError(nameof(Upload), error);
            }
            return Invalid();
        }
        if (!store)
        {
            Preview = outcome.Changes;
            return Page();
        }
        Flash = T["Filen är inläst: {0} aktiviteter ändrades.", outcome.Changes.Count];
        return Redirect(Here);
    }

    private string Locked => View.Round.State == RoundState.Submitted
        ? T["{0} är inlämnad och låst. Inget är ändrat.", T[View.Round.Kind.Label()]]
        : T["Någon annan ändrade omgången samtidigt. Ladda om sidan och försök igen; inget är ändrat."];

    private async Task<IActionResult?> LoadAsync(string council, int year, string round, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        if (!rounds.MaySee(plan!) || !RoundKinds.TryParse(round, out var kind) || await rounds.FindAsync(plan!, kind, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        View = await rounds.ViewAsync(plan!, found, cancellationToken);
        CanManage = rounds.MayManage(plan!) && View.IsOpen && plan!.Stage.StatusIsEditable();
        return null;
    }
}
