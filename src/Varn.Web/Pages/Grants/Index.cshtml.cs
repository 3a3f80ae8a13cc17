using Varn.Core.Documents;
using Varn.Core.Grants;

namespace Varn.Web.Pages.Grants;

/// <summary>The council's register of grants and premises, filtered by year, kind and decision, and as CSV.</summary>
public class IndexModel(VarnDbContext db) : VarnPageModel
{
    public CouncilChoice Choice { get; private set; } = new(null, []);
    public IReadOnlyList<GrantApplication> Applications { get; private set; } = [];

    [FromQuery(Name = "council")]
    public string? Council { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    [FromQuery(Name = "decision")]
    public string? Decision { get; set; }

    public bool CanEdit => Choice.Current is { } council && Access.CanCoordinate(council.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        string[] headers = ["Id", "År", "Slag", "Förening", "Organisationsnummer", "Belopp (kr)", "Lokal", "Kriterier bekräftade", "Beslut", "Beslutsdatum", "Redovisning inkommen", "Redovisning godkänd", "Återkrav (kr)", "Återkravsdatum", "Återkravsstatus", "Påhittad demodata"];
        var rows = Applications.Select(a => (IReadOnlyList<object?>)
        [
            a.Id, a.Year, KindLabel(a.Kind), a.Association!.Name, a.Association.OrganisationNumber, a.Amount, a.Premises,
            $"{a.Criteria.Count(c => c.Confirmed && a.Applies(c.Criterion))} av {GrantRegister.CriteriaFor(a.Kind).Count}",
            DecisionLabel(a.Decision), a.DecidedOn?.ToString("yyyy-MM-dd"), a.AccountingReceivedOn?.ToString("yyyy-MM-dd"),
            a.AccountingApproved switch { true => "ja", false => "nej", _ => null }, a.ReclaimAmount, a.ReclaimDate?.ToString("yyyy-MM-dd"),
            a.ReclaimStatus is { } status ? ReclaimLabel(status) : null, a.IsSynthetic ? "ja" : "nej",
        ]);
        return File(TableFile.Csv(headers, rows), TableFile.CsvContentType, $"bidrag-och-lokaler-{Choice.Current!.Short}{(Year is { } year ? $"-{year}" : "")}.csv");
    }

    public static string KindLabel(GrantKind kind) => kind == GrantKind.Grant ? "Bidrag" : "Lokal";

    public static string DecisionLabel(GrantDecision decision) => decision switch
    {
        GrantDecision.Approved => "Beviljad",
        GrantDecision.Rejected => "Avslagen",
        _ => "Ej beslutad",
    };

    public static string ReclaimLabel(ReclaimStatus status) => status switch
    {
        ReclaimStatus.Repaid => "Återbetalt",
        ReclaimStatus.WrittenOff => "Avskrivet",
        _ => "Krävs tillbaka",
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Choice = await CouncilChoice.LoadAsync(db, Access, Council, cancellationToken);
        if (Choice.Current is null)
        {
            return Council is null ? Forbidden() : NotFound();
        }
        var query = db.GrantApplications.AsNoTracking().Include(a => a.Association).Include(a => a.Criteria).Where(a => a.CouncilId == Choice.Current.Id);
        if (Year is { } year)
        {
            query = query.Where(a => a.Year == year);
        }
        if (Decision is not null && Codes.TryParse<GrantDecision>(Decision, out var decision))
        {
            query = query.Where(a => a.Decision == decision);
        }
        Applications = await query.OrderByDescending(a => a.Year).ThenBy(a => a.Association!.Name).ToListAsync(cancellationToken);
        return null;
    }
}
