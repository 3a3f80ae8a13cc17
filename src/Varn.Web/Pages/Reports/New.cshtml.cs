using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Varn.Core.Reports;
using Varn.Web.Startup;

namespace Varn.Web.Pages.Reports;

/// <summary>The "blankett för avidentifierad information", for every signed-in employee.</summary>
[EnableRateLimiting(AccountsSetup.ReportsPolicy)]
public class NewModel(VarnDbContext db, ReportIntake intake) : VarnPageModel
{
    public sealed class ReportInput
    {
        public string? Date { get; set; }
        public string? Month { get; set; }
        public string? Council { get; set; }
        public string? PlaceType { get; set; }
        public List<string> Categories { get; set; } = [];
        public string? Environment { get; set; }
        public string? Source { get; set; }
        public string? Description { get; set; }
        public List<string> ActionsTaken { get; set; } = [];
        public string? ReporterContact { get; set; }
        public int? ReporterUnitId { get; set; }
    }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Councils { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.Council = await db.Councils.Where(c => Access.Councils.Contains(c.Id)).OrderBy(c => c.Name).Select(c => c.Short).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var submission = new ReportSubmission(Input.Date, Input.Month, Input.Council, Input.PlaceType, Input.Categories, Input.Environment, Input.Source,
            Input.Description, Input.ActionsTaken, Input.ReporterContact);
        var (report, errors) = await intake.SubmitAsync(submission, Input.ReporterUnitId, cancellationToken);
        if (report is null)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(FieldOf("Input", field), T[message]);
            }
            return Invalid();
        }
        Flash = T["Tack! Rapporten är skickad till samordnarna. Den innehåller inga uppgifter om dig utöver det du själv valde att lämna."];
        return Redirect("/rapportera");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Councils = await db.Councils.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Name).Select(c => new SelectListItem(c.Name, c.Short)).ToListAsync(cancellationToken);
        var councils = Access.Councils.ToList();
        Units = (await db.Units.AsNoTracking().Where(u => councils.Contains(u.CouncilId)).OrderBy(u => u.Name).Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToListAsync(cancellationToken))
            .Prepend(new SelectListItem("Ingen enhet anges", ""))
            .ToList();
    }
}
