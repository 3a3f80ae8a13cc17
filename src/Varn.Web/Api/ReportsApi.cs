using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Interchange;
using Varn.Core.Reports;
using Varn.Web.Accounts;
using Varn.Web.Reports;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary><c>/api/v1/reports</c>: file a de-identified report; list a council's reports for its coordinators.</summary>
public static class ReportsApi
{
    /// <summary>Large enough to answer a too-long description with a field error rather than a refused body.</summary>
    private const int MaxBody = 2 * 1024 * 1024;

    private static readonly string[] Fields = ["date", "month", "council", "placeType", "categories", "environment", "source", "description", "actionsTaken", "reporterContact"];

    public sealed record FieldProblem(string Title, int Status, IReadOnlyDictionary<string, string> Errors);

    public sealed record ReportCreated(int Id, string Council, string Href);

    public sealed record ReportRow(int Id, string Council, string? Date, string? Month, string PlaceType, IReadOnlyList<string> Categories, string Environment,
        string Source, string Description, IReadOnlyList<string> ActionsTaken, string? Assessment, string? AssessmentNote, bool Closed, bool Synthetic);

    public static void MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.ApiClient);
        reports.MapPost("/", SubmitAsync).WithName("SubmitReport").DisableAntiforgery().RequireRateLimiting(AccountsSetup.ReportsPolicy);
        reports.MapGet("/", ListAsync).WithName("ListReports");
    }

    private static async Task<Results<Created<ReportCreated>, BadRequest<FieldProblem>, UnprocessableEntity<FieldProblem>, JsonHttpResult<FieldProblem>>> SubmitAsync(
        HttpRequest request, ReportIntake intake, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody)
        {
            return TooLarge();
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBody)
        {
            return TooLarge();
        }

        var errors = new Dictionary<string, string>();
        ReportSubmission? submission = null;
        try
        {
            using var json = JsonDocument.Parse(buffer.ToArray());
            submission = Read(json.RootElement, errors);
        }
        catch (JsonException)
        {
            errors["$"] = "Förfrågan är inte giltig JSON.";
        }
        if (submission is null || errors.Count > 0)
        {
            return TypedResults.BadRequest(new FieldProblem("Rapporten kunde inte läsas", 400, errors));
        }

        var (report, problems) = await intake.SubmitAsync(submission, null, cancellationToken);
        if (report is null)
        {
            return TypedResults.UnprocessableEntity(new FieldProblem("Rapporten togs inte emot", 422, problems));
        }
        return TypedResults.Created($"/api/v1/reports/{report.Id}", new ReportCreated(report.Id, submission.Council!, $"/api/v1/reports?council={submission.Council}"));
    }

    private static async Task<Results<Ok<List<ReportRow>>, BadRequest<FieldProblem>, NotFound<FieldProblem>, JsonHttpResult<FieldProblem>>> ListAsync(
        string? council, VarnDbContext db, Access access, Varn.Core.Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(council))
        {
            return TypedResults.BadRequest(new FieldProblem("Nämnd saknas", 400, new Dictionary<string, string> { ["council"] = "Ange nämndens kortnamn: ?council=skarholmen." }));
        }
        var target = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == council, cancellationToken);
        if (target is null)
        {
            return TypedResults.NotFound(new FieldProblem("Nämnden finns inte", 404, new Dictionary<string, string> { ["council"] = $"Det finns ingen nämnd «{council}»." }));
        }
        if (!access.CanTriage(target.Id))
        {
            return TypedResults.Json(new FieldProblem("Åtkomst nekad", 403, new Dictionary<string, string> { ["council"] = $"Bara samordnarna i {target.Name} och den centrala samordnaren ser nämndens rapporter." }), statusCode: 403);
        }
        var rows = await db.Reports.AsNoTracking().Where(r => r.CouncilId == target.Id).OrderByDescending(r => r.OccurredOn).ToListAsync(cancellationToken);
        await audit.RecordAsync("reports.exported", "DeidentifiedReport", null, $"API, {target.Short}, {rows.Count} rapporter", cancellationToken);
        return TypedResults.Ok(rows.Select(r => new ReportRow(
            r.Id, target.Short,
            r.MonthOnly ? null : r.OccurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            r.MonthOnly ? r.OccurredOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : null,
            Codes.Of(r.PlaceType), r.Categories.Select(Codes.Of).ToList(), Codes.Of(r.Environment), Codes.Of(r.Source), r.Description,
            r.ActionsTaken.Select(Codes.Of).ToList(), r.Assessment is { } a ? Codes.Of(a) : null, r.AssessmentNote, r.ClosedAt is not null, r.IsSynthetic)).ToList());
    }

    /// <summary>Reads the JSON by hand so that every wrong type is named by its field, instead of one generic binding error.</summary>
    private static ReportSubmission? Read(JsonElement root, Dictionary<string, string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = "Rapporten ska vara ett JSON-objekt.";
            return null;
        }
        foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            errors[property.Name] = $"Okänt fält «{property.Name}».";
        }
        string? Text(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                errors[name] = "Ska vara en text.";
                return null;
            }
            return value.GetString();
        }
        List<string>? List(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                errors[name] = "Ska vara en lista med koder, till exempel [\"graffiti\"].";
                return null;
            }
            return value.EnumerateArray().Select(v => v.GetString()!).ToList();
        }
        return new ReportSubmission(Text("date"), Text("month"), Text("council"), Text("placeType"), List("categories"), Text("environment"), Text("source"),
            Text("description"), List("actionsTaken"), Text("reporterContact"));
    }

    private static JsonHttpResult<FieldProblem> TooLarge() =>
        TypedResults.Json(new FieldProblem("För stor", 413, new Dictionary<string, string> { ["$"] = "Rapporten är för stor." }), statusCode: 413);
}
