using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.Reports;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary>
/// <c>/api/v1/reports</c>: file a de-identified report; a council's reports and one report for its coordinators; assess.
/// </summary>
public static class ReportsApi
{
    /// <summary>Large enough to answer a too-long description with a field error rather than a refused body.</summary>
    private const int MaxBody = 2 * 1024 * 1024;

    private static readonly string[] Fields = ["date", "month", "council", "placeType", "categories", "environment", "source", "description", "actionsTaken", "reporterContact"];

    public sealed record ReportCreated(int Id, string Council, string Href);

    public sealed record ReportRow(int Id, string Council, string? Date, string? Month, string PlaceType, IReadOnlyList<string> Categories, string Environment,
        string Source, string Description, IReadOnlyList<string> ActionsTaken, string? Assessment, string? AssessmentNote, bool Closed, bool Synthetic);

    public sealed record AssessmentInput(string? Assessment, string? Note);

    public static void MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.ApiClient);
        reports.MapPost("/", SubmitAsync).WithName("SubmitReport").DisableAntiforgery().RequireRateLimiting(AccountsSetup.ReportsPolicy);
        reports.MapGet("/", ListAsync).WithName("ListReports");
        reports.MapGet("/{id:int}", GetAsync).WithName("GetReport");
        reports.MapPost("/{id:int}/assessment", AssessAsync).WithName("AssessReport").DisableAntiforgery();
    }

    private static async Task<Results<Created<ReportCreated>, ProblemHttpResult>> SubmitAsync(HttpRequest request, ReportIntake intake, CancellationToken cancellationToken)
    {
        var (read, refused) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken);
        if (read is null)
        {
            return refused!;
        }
        using var body = read;
        var submission = Read(body.Root, body.Errors);
        if (body.Unreadable("Rapporten kunde inte läsas") is { } unreadable)
        {
            return unreadable;
        }

        var (report, problems) = await intake.SubmitAsync(submission, null, cancellationToken);
        if (report is null)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Rapporten togs inte emot", problems);
        }
        return TypedResults.Created($"/api/v1/reports/{report.Id}", new ReportCreated(report.Id, submission.Council!, $"/api/v1/reports/{report.Id}"));
    }

    private static async Task<Results<Ok<List<ReportRow>>, ProblemHttpResult>> ListAsync(string? council, VarnDbContext db, Access access, AuditLog audit, CancellationToken cancellationToken)
    {
        var (target, refusal) = await ApiCouncil.FindAsync(db, council, access.CanTriage, "läsa nämndens rapporter", cancellationToken: cancellationToken);
        if (target is null)
        {
            return refusal!;
        }
        var rows = await db.Reports.AsNoTracking().Where(r => r.CouncilId == target.Id).OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        await audit.RecordAsync("reports.exported", "DeidentifiedReport", null, $"API, {target.Short}, {rows.Count} rapporter", cancellationToken);
        return TypedResults.Ok(rows.Select(r => ToRow(r, target.Short)).ToList());
    }

    /// <summary>One report, for the coordinators of its council; any other caller is told it does not exist.</summary>
    private static async Task<Results<Ok<ReportRow>, ProblemHttpResult>> GetAsync(int id, VarnDbContext db, Access access, CancellationToken cancellationToken)
    {
        var report = await access.Reports(db).AsNoTracking().Include(r => r.Council).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return report is null ? NotFound(id) : TypedResults.Ok(ToRow(report, report.Council!.Short));
    }

    private static async Task<Results<Ok<ReportRow>, ProblemHttpResult>> AssessAsync(int id, AssessmentInput? input, VarnDbContext db, Access access, ReportAssessment assessments, CancellationToken cancellationToken)
    {
        var report = await access.Reports(db).Include(r => r.Council).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound(id);
        }
        var errors = new Dictionary<string, string>();
        if (!Codes.TryParse<Assessment>(input?.Assessment, out var assessment))
        {
            errors["assessment"] = $"Ange en bedömning: {string.Join(", ", Codes.All<Assessment>())}.";
        }
        if (ReportChecks.CheckNote(input?.Note) is { } problem)
        {
            errors["note"] = problem;
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Bedömningen sparades inte", errors);
        }
        try
        {
            await assessments.AssessAsync([report], assessment, input?.Note, replaceNote: true, $"{access.DisplayName} (API)", cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Rapporten ändrades samtidigt", "assessment", "En annan samordnare bedömde rapporten samtidigt. Hämta den igen och försök på nytt.");
        }
        return TypedResults.Ok(ToRow(report, report.Council!.Short));
    }

    private static ProblemHttpResult NotFound(int id) =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "Rapporten finns inte", "id", $"Det finns ingen rapport {id} som du kan se.");

    private static ReportRow ToRow(DeidentifiedReport r, string council) => new(
        r.Id, council,
        r.MonthOnly ? null : r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.MonthOnly ? r.OccurredOn.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null,
        Codes.Of(r.PlaceType), r.Categories.Select(Codes.Of).ToList(), Codes.Of(r.Environment), Codes.Of(r.Source), r.Description,
        r.ActionsTaken.Select(Codes.Of).ToList(), r.Assessment is { } a ? Codes.Of(a) : null, r.AssessmentNote, r.ClosedAt is not null, r.IsSynthetic);

    /// <summary>Reads the JSON by hand so that every wrong type is named by its field, instead of one generic binding error.</summary>
    private static ReportSubmission Read(JsonElement root, Dictionary<string, string> errors)
    {
        var json = new JsonReader(root, errors, "");
        json.Only(Fields);
        return new ReportSubmission(json.Text("date"), json.Text("month"), json.Text("council"), json.Text("placeType"), json.Texts("categories"), json.Text("environment"),
            json.Text("source"), json.Text("description"), json.Texts("actionsTaken"), json.Text("reporterContact"));
    }
}
