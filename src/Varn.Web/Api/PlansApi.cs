using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.Plans.Interchange;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary><c>/api/v1/plans</c>: the plan list, a plan as <c>varn.plan/1</c> or Word, and import.</summary>
public static class PlansApi
{
    public sealed record PlanSummary(string Council, string CouncilName, string CouncilKind, int Year, string Title, string Stage, string? Diarienummer, int Activities, string Href);

    public static void MapPlansApi(this IEndpointRouteBuilder routes)
    {
        var plans = routes.MapGroup("/api/v1/plans").WithTags("Plans").RequireAuthorization(Policies.ApiClient);
        plans.MapGet("/", ListAsync).WithName("ListPlans");
        plans.MapGet("/{council}/{year:int}", (string council, int year, PlanGuard guard, PlanExport export, CancellationToken cancellationToken) =>
            ExportAsync(council, year, PlanFormat.Json, guard, export, cancellationToken)).WithName("GetPlan");
        plans.MapGet("/{council}/{year:int}/word", (string council, int year, PlanGuard guard, PlanExport export, CancellationToken cancellationToken) =>
            ExportAsync(council, year, PlanFormat.Word, guard, export, cancellationToken)).WithName("GetPlanAsWord");
        plans.MapPost("/", ImportAsync).WithName("ImportPlan").DisableAntiforgery();
    }

    private static async Task<Ok<List<PlanSummary>>> ListAsync(VarnDbContext db, Access access, CancellationToken cancellationToken)
    {
        var rows = await access.Plans(db).AsNoTracking()
            .OrderBy(p => p.Council!.Name).ThenBy(p => p.Year)
            .Select(p => new { p.Council!.Short, p.Council.Name, p.Council.Kind, p.Year, p.Title, p.Stage, p.Diarienummer, Activities = p.Activities.Count })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows
            .Select(p => new PlanSummary(p.Short, p.Name, Codes.Of(p.Kind), p.Year, p.Title, Codes.Of(p.Stage), p.Diarienummer, p.Activities, $"/api/v1/plans/{p.Short}/{p.Year}"))
            .ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(string council, int year, PlanFormat format, PlanGuard guard, PlanExport export, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await guard.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return ApiProblems.Refused(refusal);
        }
        var file = await export.ExportAsync(plan!, format, "API", cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Created<PlanSummary>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, PlanImporter importer, Access access, bool? replace, CancellationToken cancellationToken)
    {
        if (request.ContentLength > PlanDocumentReader.MaxBytes)
        {
            return ApiProblems.TooLarge(PlanDocumentReader.MaxBytes);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > PlanDocumentReader.MaxBytes)
        {
            return ApiProblems.TooLarge(PlanDocumentReader.MaxBytes);
        }

        var (document, errors) = PlanDocumentReader.Read(buffer.ToArray());
        if (document is null)
        {
            var syntax = errors.All(e => e.Path == "$");
            return ApiProblems.Problem(syntax ? 400 : 422, syntax ? "Filen kunde inte läsas" : "Planen följer inte formatet varn.plan/1", Named(errors));
        }

        var (council, _) = await importer.CheckAsync(document, replace ?? false, cancellationToken);
        if (council is not null && !access.CanEditPlans(council.Id))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "$.council.name", $"Du kan bara läsa in planer för nämnder där du är samordnare, inte för {council.Name}.");
        }
        var outcome = await importer.ImportAsync(document, replace ?? false, $"{access.DisplayName} (API)", cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Conflict
                ? ApiProblems.Problem(StatusCodes.Status409Conflict, "Planen finns redan", Named(outcome.Errors))
                : ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Planen kan inte läsas in", Named(outcome.Errors));
        }

        var plan = outcome.Plan!;
        var shortName = outcome.Council!.Short;
        var summary = new PlanSummary(shortName, document.Council.Name, Codes.Of(document.Council.Kind), plan.Year, plan.Title, Codes.Of(plan.Stage), plan.Diarienummer, plan.Activities.Count, $"/api/v1/plans/{shortName}/{plan.Year}");
        return TypedResults.Created(summary.Href, summary);
    }

    private static IEnumerable<KeyValuePair<string, string>> Named(IEnumerable<FormatError> errors) =>
        errors.Select(e => new KeyValuePair<string, string>(e.Path, e.Message));
}
