using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Accounts;
using Varn.Core.Audit;
using Varn.Core.Data;
using Varn.Core.Interchange;
using Varn.Core.Reports;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Reports;

/// <summary>The coordinators' queue of reports: filter, assess one or many, export the filtered list as CSV.</summary>
public class IndexModel(VarnDbContext db, AuditLog audit, TimeProvider clock) : VarnPageModel
{
    public sealed class BulkInput
    {
        public List<int> Selected { get; set; } = [];
        public string? Assessment { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public ReportFilter Filter { get; set; } = new();

    [BindProperty]
    public BulkInput Bulk { get; set; } = new();

    public IReadOnlyList<DeidentifiedReport> Reports { get; private set; } = [];
    public IReadOnlyDictionary<int, string> CouncilNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<SelectListItem> Councils { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> StatusItems { get; } =
        [new("Nya", "new"), new("Bedömda", "assessed"), new("Stängda", "closed"), new("Alla", "all")];

    public static IReadOnlyList<SelectListItem> CategoryItems { get; } =
        [new("Alla", ""), .. NewModel.Items<ReportCategory>(v => v.Label(), empty: false)];

    public static IReadOnlyList<SelectListItem> EnvironmentItems { get; } =
        [new("Alla", ""), .. NewModel.Items<ExtremistEnvironment>(v => v.Label(), empty: false)];

    /// <summary>The CSV of exactly what the filters show.</summary>
    public string CsvLink => "/rapporter?handler=Csv&" + Request.QueryString.Value?.TrimStart('?');

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!Access.IsCentral && !Access.Has(Role.LocalCoordinator))
        {
            context.Result = Forbidden();
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAssessAsync(CancellationToken cancellationToken)
    {
        if (Bulk.Selected.Count == 0)
        {
            ModelState.AddModelError("Bulk.Selected", "Markera de rapporter som ska bedömas.");
        }
        if (!Codes.TryParse<Assessment>(Bulk.Assessment, out var assessment))
        {
            ModelState.AddModelError("Bulk.Assessment", "Välj en bedömning.");
        }
        if (ReportChecks.CheckNote(Bulk.Note) is { } problem)
        {
            ModelState.AddModelError("Bulk.Note", problem);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }
        var reports = await Access.Reports(db).Where(r => Bulk.Selected.Contains(r.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var report in reports)
        {
            report.Assessment = assessment;
            report.AssessmentNote = string.IsNullOrWhiteSpace(Bulk.Note) ? report.AssessmentNote : Bulk.Note.Trim();
            report.AssessedAt = now;
            report.AssessedBy = Actor;
            report.Version++;
        }
        await db.SaveChangesAsync(cancellationToken);
        Flash = $"{reports.Count} rapporter är bedömda som «{assessment.Label().ToLowerInvariant()}».";
        return Redirect("/rapporter");
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var reports = await QueryAsync(cancellationToken);
        await using var buffer = new StringWriter(CultureInfo.GetCultureInfo("sv-SE"));
        await using (var csv = new CsvWriter(buffer, CultureInfo.GetCultureInfo("sv-SE")))
        {
            foreach (var header in new[] { "Id", "Datum", "Endast månad", "Nämnd", "Plats", "Kategorier", "Miljö", "Källa", "Beskrivning", "Åtgärder", "Bedömning", "Anteckning", "Bedömd", "Stängd", "Påhittad demodata" })
            {
                csv.WriteField(header);
            }
            await csv.NextRecordAsync();
            foreach (var r in reports)
            {
                foreach (var field in new object?[]
                         {
                             r.Id, r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.MonthOnly ? "ja" : "nej", CouncilNames[r.CouncilId], r.PlaceType.Label(),
                             string.Join("; ", r.Categories.Select(c => c.Label())), r.Environment.Label(), r.Source.Label(), r.Description,
                             string.Join("; ", r.ActionsTaken.Select(a => a.Label())), r.Assessment?.Label(), r.AssessmentNote,
                             r.AssessedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.ClosedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.IsSynthetic ? "ja" : "nej",
                         })
                {
                    csv.WriteField(field);
                }
                await csv.NextRecordAsync();
            }
        }
        await audit.RecordAsync("reports.exported", "DeidentifiedReport", null, $"CSV, {reports.Count} rapporter", cancellationToken);
        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(buffer.ToString())).ToArray(), "text/csv; charset=utf-8", "rapporter.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Reports = await QueryAsync(cancellationToken);

    private async Task<List<DeidentifiedReport>> QueryAsync(CancellationToken cancellationToken)
    {
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        CouncilNames = councils.ToDictionary(c => c.Id, c => c.Name);
        Councils = councils.Where(c => Access.CanTriage(c.Id)).Select(c => new SelectListItem(c.Name, c.Short)).Prepend(new SelectListItem("Alla mina nämnder", "")).ToList();
        var reports = await Filter.Apply(Access.Reports(db).AsNoTracking()).OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id).Take(1000).ToListAsync(cancellationToken);
        return Filter.ApplyCategory(reports).ToList();
    }
}
