using Varn.Core.Reports;

namespace Varn.Web.Pages.Reports;

/// <summary>One report for its council's coordinators: read, assess with a note, close.</summary>
public class ShowModel(VarnDbContext db, ReportAssessment assessments, TimeProvider clock) : VarnPageModel
{
    public sealed class AssessInput
    {
        public string? Assessment { get; set; }
        public string? Note { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public AssessInput Input { get; set; } = new();

    public DeidentifiedReport Report { get; private set; } = null!;
    public string CouncilName { get; private set; } = "";
    public string? UnitName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = new AssessInput { Assessment = Report.Assessment is { } a ? Codes.Of(a) : null, Note = Report.AssessmentNote, Version = Report.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAssessAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Codes.TryParse<Assessment>(Input.Assessment, out var assessment))
        {
            ModelState.AddModelError("Input.Assessment", T["Välj en bedömning."]);
        }
        if (ReportChecks.CheckNote(Input.Note) is { } problem)
        {
            ModelState.AddModelError("Input.Note", problem);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        db.Entry(Report).Property(r => r.Version).OriginalValue = Input.Version;
        try
        {
            await assessments.AssessAsync([Report], assessment, Input.Note, replaceNote: true, Actor, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(T["En annan samordnare har bedömt rapporten sedan du öppnade den. Ladda om sidan och se bedömningen."]);
        }
        Flash = T["Bedömningen är sparad."];
        return Redirect($"/rapporter/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Report.Assessment is null)
        {
            return Conflict(T["Bedöm rapporten innan den stängs."]);
        }
        Report.ClosedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Flash = T["Rapporten är stängd."];
        return Redirect("/rapporter");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var report = await Access.Reports(db).Include(r => r.Council).Include(r => r.ReporterUnit).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return false;
        }
        Report = report;
        CouncilName = report.Council!.Name;
        UnitName = report.ReporterUnit?.Name;
        return true;
    }
}
