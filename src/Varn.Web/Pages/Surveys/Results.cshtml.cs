using Microsoft.Extensions.Options;
using Varn.Core.Documents;
using Varn.Core.Statistics;
using Varn.Core.Surveys;

namespace Varn.Web.Pages.Surveys;

/// <summary>A round's results: counts and shares per question, units and external actors apart, the response rate; protected for everyone but the coordinators.</summary>
public class ResultsModel(VarnDbContext db, AuditLog audit, TimeProvider clock, IOptions<StatisticsOptions> statistics) : VarnPageModel
{
    public SurveyRound Round { get; private set; } = null!;
    public SurveyResult? Result { get; private set; }
    public string? NotYet { get; private set; }
    public bool Coordinates { get; private set; }
    public bool Closed { get; private set; }
    public int Threshold => statistics.Value.SuppressionThreshold;

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken) =>
        await LoadAsync(council, year, cancellationToken) ?? Page();

    public Task<IActionResult> OnGetCsvAsync(string council, int year, CancellationToken cancellationToken) =>
        ExportAsync(council, year, "CSV", r => SurveyResultsFile.Csv(r, Threshold), TableFile.CsvContentType, "csv", cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(string council, int year, CancellationToken cancellationToken) =>
        ExportAsync(council, year, "XLSX", r => SurveyResultsFile.Xlsx(r, Threshold), TableFile.XlsxContentType, "xlsx", cancellationToken);

    private async Task<IActionResult> ExportAsync(string council, int year, string format, Func<SurveyResult, byte[]> write, string contentType, string extension, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Result is null)
        {
            return NotFound();
        }
        await audit.RecordAsync("survey.results.exported", nameof(SurveyRound), Round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), format, cancellationToken);
        return File(write(Result), contentType, $"enkat-{council}-{year}.{extension}");
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, CancellationToken cancellationToken)
    {
        var round = await db.SurveyRounds.AsNoTracking().Include(r => r.Council).FirstOrDefaultAsync(r => r.Council!.Short == council && r.Year == year, cancellationToken);
        if (round is null || !Access.CanSeePicture(round.CouncilId))
        {
            return NotFound();
        }
        Round = round;
        Coordinates = Access.CanCoordinate(round.CouncilId);
        Closed = round.IsClosed(clock.Today());
        var view = await SurveyView.DecideAsync(db, Access, round, clock.Today(), cancellationToken);
        NotYet = view.Refusal;
        if (NotYet is null)
        {
            Result = await SurveyResults.LoadAsync(db, round, view.Viewer, view.Comments, Threshold, cancellationToken);
        }
        return null;
    }
}
