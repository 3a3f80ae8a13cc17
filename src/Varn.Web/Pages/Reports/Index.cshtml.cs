using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Varn.Core.Reports;

namespace Varn.Web.Pages.Reports;

/// <summary>The coordinators' queue of reports: filter and page in the database, assess one or many, export every match as CSV.</summary>
public class IndexModel(VarnDbContext db, AuditLog audit, ReportAssessment assessments) : VarnPageModel
{
    public const int PageSize = 50;

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
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyDictionary<int, string> CouncilNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<SelectListItem> Councils { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> StatusItems { get; } =
        [new("Obedömda", "new"), new("Bedömda", "assessed"), new("Stängda", "closed"), new("Alla", "all")];

    public static IReadOnlyList<SelectListItem> CategoryItems { get; } =
        CodeChoices.Of<ReportCategory>(v => v.Label(), first: "Alla");

    public static IReadOnlyList<SelectListItem> EnvironmentItems { get; } =
        CodeChoices.Of<ExtremistEnvironment>(v => v.Label(), first: "Alla");

    /// <summary>The CSV of everything the filters match, on every page.</summary>
    public string CsvLink => "/rapporter?" + Query(("handler", "Csv"), ("Filter.Sida", null));

    /// <summary>The same filters on another page of the list.</summary>
    public string PageLink(int page) => "/rapporter?" + Query(("Filter.Sida", page.ToString(CultureInfo.InvariantCulture)));

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
            ModelState.AddModelError("Bulk.Selected", T["Markera de rapporter som ska bedömas."]);
        }
        if (!Codes.TryParse<Assessment>(Bulk.Assessment, out var assessment))
        {
            ModelState.AddModelError("Bulk.Assessment", T["Välj en bedömning."]);
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
        try
        {
            await assessments.AssessAsync(reports, assessment, Bulk.Note, replaceNote: false, Actor, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash = T["En annan samordnare bedömde några av rapporterna samtidigt. Ingen bedömning sparades; se listan och försök igen."];
            return Redirect("/rapporter");
        }
        Flash = T["{0} rapporter är bedömda som «{1}».", reports.Count, T[assessment.Label()].Value.ToLowerInvariant()];
        return Redirect("/rapporter");
    }

    /// <summary>Every report the filters match, streamed as CSV so that no size of queue is cut short.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadCouncilsAsync(cancellationToken);
        var matching = Filter.Apply(Access.Reports(db).AsNoTracking());
        var count = await matching.CountAsync(cancellationToken);
        await audit.RecordAsync("reports.exported", "DeidentifiedReport", null, $"CSV, {count} rapporter", cancellationToken);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=rapporter.csv";
        await using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.GetCultureInfo("sv-SE"));
        foreach (var header in new[] { "Id", "Datum", "Endast månad", "Nämnd", "Plats", "Kategorier", "Miljö", "Källa", "Beskrivning", "Åtgärder", "Bedömning", "Anteckning", "Bedömd", "Stängd", "Påhittad demodata" })
        {
            csv.WriteField(header);
        }
        await csv.NextRecordAsync();
        await foreach (var r in matching.OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id).AsSplitQuery().AsAsyncEnumerable().WithCancellation(cancellationToken))
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
        return new EmptyResult();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadCouncilsAsync(cancellationToken);
        var matching = Filter.Apply(Access.Reports(db).AsNoTracking());
        Total = await matching.CountAsync(cancellationToken);
        Filter.Sida = Math.Clamp(Filter.Sida, 1, PageCount);
        Reports = await matching.OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id)
            .Skip((Filter.Sida - 1) * PageSize).Take(PageSize)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    private async Task LoadCouncilsAsync(CancellationToken cancellationToken)
    {
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        CouncilNames = councils.ToDictionary(c => c.Id, c => c.Name);
        Councils = councils.Where(c => Access.CanTriage(c.Id)).Select(c => new SelectListItem(c.Name, c.Short)).Prepend(new SelectListItem("Alla mina nämnder", "")).ToList();
    }

    private string Query(params (string Key, string? Value)[] changes)
    {
        var values = Request.Query.Where(q => q.Key != "handler").ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }
        return string.Join("&", values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));
    }
}
