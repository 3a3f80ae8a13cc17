using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.Competence;
using Varn.Core.Organisation;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary><c>/api/v1/competence/{short}/{year}</c>: training completion per unit and course — figures, never names (C14).</summary>
public static class CompetenceApi
{
    private const int MaxBody = 1024 * 1024;

    public sealed record Row(string Unit, string Course, int Staff, int Completed, int? Rate);

    public sealed record RateView(string Name, int Staff, int Completed, int? Rate);

    public sealed record YearView(string Council, int Year, IReadOnlyList<Row> Rows, IReadOnlyList<RateView> Units, IReadOnlyList<RateView> Departments, IReadOnlyList<RateView> Courses, RateView Total);

    public static void MapCompetenceApi(this IEndpointRouteBuilder routes)
    {
        var competence = routes.MapGroup("/api/v1/competence/{council}/{year:int}").WithTags("Competence").RequireAuthorization(Policies.ApiClient);
        competence.MapGet("/", GetAsync).WithName("GetCompetence");
        competence.MapPut("/", PutAsync).WithName("ReplaceCompetence").DisableAntiforgery();
    }

    private static async Task<Results<Ok<YearView>, ProblemHttpResult>> GetAsync(string council, int year, VarnDbContext db, Access access, CompetenceRegister register, CancellationToken cancellationToken)
    {
        var (target, refusal) = await ApiCouncil.FindAsync(db, council, access.CanSeePicture, "läsa nämndens kompetensregister", cancellationToken: cancellationToken);
        if (target is null)
        {
            return refusal!;
        }
        return TypedResults.Ok(View(target, year, await register.LoadAsync(target!, year, cancellationToken)));
    }

    private static async Task<Results<Ok<YearView>, ProblemHttpResult>> PutAsync(string council, int year, HttpRequest request, VarnDbContext db, Access access, CompetenceRegister register, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (target, refusal) = await ApiCouncil.FindAsync(db, council, access.CanRecordCompetence, "ange nämndens kompetenssiffror", cancellationToken: cancellationToken);
        if (target is null)
        {
            return refusal!;
        }
        if (year < 2000 || year > clock.Today().Year + 1)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Året går inte att använda", "year", $"Ange ett år mellan 2000 och {clock.Today().Year + 1}.");
        }
        var (rows, unreadable) = await ReadRowsAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        var onlyUnits = access.CanCoordinate(target.Id) ? null : access.ManagedUnits;
        var problems = await register.ReplaceAsync(target, year, rows!, onlyUnits, cancellationToken: cancellationToken);
        if (problems.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Inga siffror sparades", problems);
        }
        return TypedResults.Ok(View(target, year, await register.LoadAsync(target, year, cancellationToken)));
    }

    private static YearView View(Council council, int year, CompetenceYear figures) => new(
        council.Short, year,
        figures.Rows.Select(r => new Row(r.Unit!.Name, r.Course!.Name, r.Staff, r.Completed, new Rate("", r.Staff, r.Completed).Percent)).ToList(),
        figures.Units.Select(RateOf).ToList(), figures.Departments.Select(RateOf).ToList(), figures.Courses.Select(RateOf).ToList(), RateOf(figures.Council));

    private static RateView RateOf(Rate rate) => new(rate.Name, rate.Staff, rate.Completed, rate.Percent);

    /// <summary>The rows, as a JSON array or as <c>{"rows": […]}</c>; each row's wrong types named ("rows[2].staff").</summary>
    private static async Task<(List<CompletionInput>? Rows, ProblemHttpResult? Refusal)> ReadRowsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody)
        {
            return (null, ApiProblems.TooLarge(MaxBody));
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "Förfrågan kunde inte läsas", "$", "Förfrågan ska vara en lista med rader: [{\"unit\", \"course\", \"staff\", \"completed\"}]."));
        }
        using (document)
        {
            var errors = new Dictionary<string, string>();
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : new JsonReader(root, errors, "").Array("rows").ToList();
            if (root.ValueKind == JsonValueKind.Object)
            {
                new JsonReader(root, errors, "").Only("rows");
            }
            else if (root.ValueKind != JsonValueKind.Array)
            {
                errors["$"] = "Förfrågan ska vara en lista med rader.";
            }
            var rows = new List<CompletionInput>();
            for (var i = 0; i < items.Count; i++)
            {
                var row = new JsonReader(items[i], errors, $"rows[{i}].");
                row.Only("unit", "course", "staff", "completed");
                rows.Add(new CompletionInput(row.Text("unit"), row.Text("course"), row.Number("staff"), row.Number("completed")));
            }
            return errors.Count > 0 ? (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "Raderna kunde inte läsas", errors)) : (rows, null);
        }
    }
}
