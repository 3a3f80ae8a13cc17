using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Audit;
using Varn.Core.Data;
using Varn.Core.Interchange;
using Varn.Web.Accounts;
using Varn.Web.Documents;

namespace Varn.Web.Api;

/// <summary><c>/api/v1/plans</c>: the plan list, a plan as <c>varn.plan/1</c>, and import.</summary>
public static class PlansApi
{
    public sealed record PlanSummary(string Council, string CouncilName, string CouncilKind, int Year, string Title, string Stage, string? Diarienummer, int Activities, string Href);

    public sealed record ImportProblem(string Title, int Status, IReadOnlyList<FormatError> Errors);

    public static void MapPlansApi(this IEndpointRouteBuilder routes)
    {
        var plans = routes.MapGroup("/api/v1/plans").WithTags("Plans").RequireAuthorization(Policies.ApiClient);
        plans.MapGet("/", ListAsync).WithName("ListPlans");
        plans.MapGet("/{council}/{year:int}", GetAsync).WithName("GetPlan");
        plans.MapGet("/{council}/{year:int}/word", GetWordAsync).WithName("GetPlanAsWord");
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

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetailsMessage>>> GetAsync(string council, int year, VarnDbContext db, Access access, AuditLog audit, CancellationToken cancellationToken)
    {
        var planId = await access.Plans(db).Where(p => p.Council!.Short == council && p.Year == year).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (planId is null)
        {
            return TypedResults.NotFound(new ProblemDetailsMessage("Planen finns inte", 404, $"Det finns ingen plan för «{council}» {year}."));
        }
        var document = (await PlanExporter.LoadAsync(db, planId.Value, cancellationToken))!;
        await audit.RecordAsync("plan.exported", "ActionPlan", planId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "varn.plan/1 via API", cancellationToken);
        return TypedResults.File(PlanDocumentWriter.Write(document), "application/json; charset=utf-8", $"{council}-{year}.json");
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetailsMessage>>> GetWordAsync(string council, int year, VarnDbContext db, Access access, AuditLog audit, CancellationToken cancellationToken)
    {
        var planId = await access.Plans(db).Where(p => p.Council!.Short == council && p.Year == year).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (planId is null)
        {
            return TypedResults.NotFound(new ProblemDetailsMessage("Planen finns inte", 404, $"Det finns ingen plan för «{council}» {year}."));
        }
        var source = (await PlanForDocument.LoadAsync(db, planId.Value, cancellationToken))!;
        await audit.RecordAsync("plan.exported", "ActionPlan", planId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "Word via API", cancellationToken);
        return TypedResults.File(PlanWordExporter.Write(source), PlanWordExporter.ContentType, $"{council}-{year}.docx");
    }

    private static async Task<Results<Created<PlanSummary>, BadRequest<ImportProblem>, UnprocessableEntity<ImportProblem>, Conflict<ImportProblem>, JsonHttpResult<ImportProblem>>> ImportAsync(
        HttpRequest request, PlanImporter importer, Access access, bool? replace, CancellationToken cancellationToken)
    {
        if (request.ContentLength > PlanDocumentReader.MaxBytes)
        {
            return TooLarge();
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > PlanDocumentReader.MaxBytes)
        {
            return TooLarge();
        }

        var (document, errors) = PlanDocumentReader.Read(buffer.ToArray());
        if (document is null)
        {
            var syntax = errors.All(e => e.Path == "$");
            var problem = new ImportProblem(syntax ? "Filen kunde inte läsas" : "Planen följer inte formatet varn.plan/1", syntax ? 400 : 422, errors);
            return syntax ? TypedResults.BadRequest(problem) : TypedResults.UnprocessableEntity(problem);
        }

        var (council, _) = await importer.CheckAsync(document, replace ?? false, cancellationToken);
        if (council is not null && !access.CanEditPlans(council.Id))
        {
            return TypedResults.Json(
                new ImportProblem("Åtkomst nekad", 403, [new FormatError("$.council.name", $"Du kan bara läsa in planer för nämnder där du är samordnare, inte för {council.Name}.")]),
                statusCode: StatusCodes.Status403Forbidden);
        }
        var outcome = await importer.ImportAsync(document, replace ?? false, $"{access.DisplayName} (API)", cancellationToken);
        if (!outcome.Succeeded)
        {
            var exists = outcome.Errors.Count == 1 && outcome.Errors[0].Path == "$.year";
            return exists
                ? TypedResults.Conflict(new ImportProblem("Planen finns redan", 409, outcome.Errors))
                : TypedResults.UnprocessableEntity(new ImportProblem("Planen kan inte läsas in", 422, outcome.Errors));
        }

        var plan = outcome.Plan!;
        var shortName = outcome.Council!.Short;
        var summary = new PlanSummary(shortName, document.Council.Name, Codes.Of(document.Council.Kind), plan.Year, plan.Title, Codes.Of(plan.Stage), plan.Diarienummer, plan.Activities.Count, $"/api/v1/plans/{shortName}/{plan.Year}");
        return TypedResults.Created(summary.Href, summary);
    }

    private static JsonHttpResult<ImportProblem> TooLarge() =>
        TypedResults.Json(
            new ImportProblem("Filen är för stor", 413, [new FormatError("$", $"Största tillåtna storlek är {PlanDocumentReader.MaxBytes / 1024 / 1024} MB.")]),
            statusCode: StatusCodes.Status413PayloadTooLarge);
}

public sealed record ProblemDetailsMessage(string Title, int Status, string Detail);
