using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.Grants;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary><c>/api/v1/grants</c>: the register of grants and premises with its democracy check, decisions and reclaims (C12).</summary>
public static class GrantsApi
{
    private const int MaxBody = 64 * 1024;

    public sealed record NewGrant(int Id, string Url);

    public sealed record AssociationView(string Name, string OrganisationNumber);

    public sealed record AccountingView(string ReceivedOn, bool? Approved);

    public sealed record ReclaimView(string? Reason, int? Amount, string? Date, string? Status);

    public sealed record GrantView(int Id, string Council, int Year, string Kind, AssociationView Association, int? Amount, string? Premises, string? PremisesWhen,
        IReadOnlyDictionary<string, bool> Criteria, IReadOnlyDictionary<string, string> CriteriaNotes, string Decision, string? DecidedOn, string? DecisionNote,
        AccountingView? Accounting, ReclaimView? Reclaim, bool Synthetic);

    public static void MapGrantsApi(this IEndpointRouteBuilder routes)
    {
        var grants = routes.MapGroup("/api/v1/grants").WithTags("Grants").RequireAuthorization(Policies.ApiClient);
        grants.MapPost("/", CreateAsync).WithName("CreateGrantApplication").DisableAntiforgery();
        grants.MapGet("/", ListAsync).WithName("ListGrantApplications");
        grants.MapGet("/{id:int}", GetAsync).WithName("GetGrantApplication");
        grants.MapPost("/{id:int}/decision", DecideAsync).WithName("DecideGrantApplication").DisableAntiforgery();
        grants.MapPost("/{id:int}/reclaim", ReclaimAsync).WithName("ReclaimGrant").DisableAntiforgery();
    }

    private static GrantView View(GrantApplication a) => new(
        a.Id, a.Council!.Short, a.Year, Codes.Of(a.Kind), new AssociationView(a.Association!.Name, a.Association.OrganisationNumber), a.Amount, a.Premises, a.PremisesWhen,
        GrantRegister.CriteriaFor(a.Kind).ToDictionary(Codes.Of, c => a.Criteria.Any(x => x.Criterion == c && x.Confirmed)),
        a.Criteria.Where(c => c.Note is not null).ToDictionary(c => Codes.Of(c.Criterion), c => c.Note!),
        Codes.Of(a.Decision), Date(a.DecidedOn), a.DecisionNote,
        a.AccountingReceivedOn is { } received ? new AccountingView(Date(received)!, a.AccountingApproved) : null,
        a.ReclaimStatus is { } status ? new ReclaimView(a.ReclaimReason, a.ReclaimAmount, Date(a.ReclaimDate), Codes.Of(status)) : null,
        a.IsSynthetic);

    private static async Task<Results<Created<NewGrant>, ProblemHttpResult>> CreateAsync(HttpRequest request, VarnDbContext db, Access access, GrantRegister register, CancellationToken cancellationToken)
    {
        var (read, refusal) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken);
        if (read is null)
        {
            return refusal!;
        }
        using var body = read;
        var json = body.Reader;
        json.Only("council", "year", "kind", "association", "amount", "premises", "premisesWhen", "criteria", "criteriaNotes");
        var association = json.Object("association");
        association?.Only("name", "organisationNumber");
        var input = new GrantInput(json.Text("kind"), association?.Text("name"), association?.Text("organisationNumber"), json.Number("amount"),
            json.Text("premises"), json.Text("premisesWhen"), ReadCriteria(json));
        var (code, year) = (json.Text("council"), json.Number("year"));
        if (year is null && !body.Errors.ContainsKey("year"))
        {
            body.Errors["year"] = "Ange året.";
        }
        if (body.Unreadable("Ansökan kunde inte läsas") is { } unreadable)
        {
            return unreadable;
        }
        var (council, denied) = await ApiCouncil.FindAsync(db, code, access.CanCoordinate, "föra registret över bidrag och lokaler", inBody: true, cancellationToken);
        if (council is null)
        {
            return denied!;
        }
        var (application, problems) = await register.CreateAsync(council, int.Parse(year!, CultureInfo.InvariantCulture), input, cancellationToken: cancellationToken);
        if (application is null)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Ansökan registrerades inte", problems);
        }
        return TypedResults.Created($"/api/v1/grants/{application.Id}", new NewGrant(application.Id, $"/api/v1/grants/{application.Id}"));
    }

    private static async Task<Results<Ok<List<GrantView>>, ProblemHttpResult>> ListAsync(string? council, int? year, VarnDbContext db, Access access, CancellationToken cancellationToken)
    {
        var (target, denied) = await ApiCouncil.FindAsync(db, council, access.CanSeePicture, "läsa registret över bidrag och lokaler", cancellationToken: cancellationToken);
        if (target is null)
        {
            return denied!;
        }
        var applications = await Query(db).Where(a => a.CouncilId == target.Id && (year == null || a.Year == year))
            .OrderByDescending(a => a.Year).ThenBy(a => a.Association!.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(applications.Select(View).ToList());
    }

    private static async Task<Results<Ok<GrantView>, ProblemHttpResult>> GetAsync(int id, VarnDbContext db, Access access, CancellationToken cancellationToken)
    {
        var (application, refusal) = await FindAsync(db, access, id, write: false, cancellationToken);
        return refusal ?? (Results<Ok<GrantView>, ProblemHttpResult>)TypedResults.Ok(View(application!));
    }

    private static async Task<Results<Ok<GrantView>, ProblemHttpResult>> DecideAsync(int id, HttpRequest request, VarnDbContext db, Access access, GrantRegister register, CancellationToken cancellationToken) =>
        await ChangeAsync(id, request, db, access, "Beslutet", ["decision", "note"], json =>
        {
            var (decision, note) = (json.Text("decision"), json.Text("note"));
            return application => register.DecideAsync(application, decision, note, application.Version, cancellationToken);
        }, cancellationToken);

    private static async Task<Results<Ok<GrantView>, ProblemHttpResult>> ReclaimAsync(int id, HttpRequest request, VarnDbContext db, Access access, GrantRegister register, CancellationToken cancellationToken) =>
        await ChangeAsync(id, request, db, access, "Återkravet", ["reason", "amount", "date", "status"], json =>
        {
            var (reason, amount, date, status) = (json.Text("reason"), json.Number("amount"), json.Text("date"), json.Text("status"));
            return application => register.ReclaimAsync(application, reason, amount, date, status, application.Version, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// A change to one application: found and allowed, its body read whole (only <paramref name="fields"/>), and only
    /// then changed — 404, 403, 400, 409 or 422 as it goes, nothing changed by a body that could not be read.
    /// </summary>
    private static async Task<Results<Ok<GrantView>, ProblemHttpResult>> ChangeAsync(int id, HttpRequest request, VarnDbContext db, Access access, string what, string[] fields,
        Func<JsonReader, Func<GrantApplication, Task<Dictionary<string, string>>>> readChange, CancellationToken cancellationToken)
    {
        var (application, refusal) = await FindAsync(db, access, id, write: true, cancellationToken);
        if (application is null)
        {
            return refusal!;
        }
        var (read, unreadable) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken);
        if (read is null)
        {
            return unreadable!;
        }
        using var body = read;
        body.Reader.Only(fields);
        var change = readChange(body.Reader);
        if (body.Unreadable($"{what} kunde inte läsas") is { } wrong)
        {
            return wrong;
        }
        var problems = await change(application);
        return problems.Count > 0
            ? ApiProblems.Problem(problems.ContainsKey("version") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, $"{what} registrerades inte", problems)
            : TypedResults.Ok(View(application));
    }

    private static Dictionary<string, (bool Confirmed, string? Note)> ReadCriteria(JsonReader body)
    {
        var criteria = new Dictionary<string, (bool, string?)>();
        var confirmed = body.Object("criteria");
        var notes = body.Object("criteriaNotes");
        foreach (var code in (confirmed?.Names ?? []).Union(notes?.Names ?? []))
        {
            criteria[code] = (confirmed?.Flag(code) ?? false, notes?.Text(code));
        }
        return criteria;
    }

    private static IQueryable<GrantApplication> Query(VarnDbContext db) =>
        db.GrantApplications.Include(a => a.Council).Include(a => a.Association).Include(a => a.Criteria);

    private static async Task<(GrantApplication? Application, ProblemHttpResult? Refusal)> FindAsync(VarnDbContext db, Access access, int id, bool write, CancellationToken cancellationToken)
    {
        var application = await Query(db).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !access.CanSeePicture(application.CouncilId))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status404NotFound, "Ansökan finns inte", "id", $"Det finns ingen ansökan {id} som du har tillgång till."));
        }
        if (write && !access.CanCoordinate(application.CouncilId))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "id", "Bara nämndens samordnare kan ändra registret."));
        }
        return (application, null);
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
