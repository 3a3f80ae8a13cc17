using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.Grants;
using Varn.Core.Organisation;
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

    public static GrantView View(GrantApplication a) => new(
        a.Id, a.Council!.Short, a.Year, Codes.Of(a.Kind), new AssociationView(a.Association!.Name, a.Association.OrganisationNumber), a.Amount, a.Premises, a.PremisesWhen,
        GrantRegister.CriteriaFor(a.Kind).ToDictionary(Codes.Of, c => a.Criteria.Any(x => x.Criterion == c && x.Confirmed)),
        a.Criteria.Where(c => c.Note is not null).ToDictionary(c => Codes.Of(c.Criterion), c => c.Note!),
        Codes.Of(a.Decision), Date(a.DecidedOn), a.DecisionNote,
        a.AccountingReceivedOn is { } received ? new AccountingView(Date(received)!, a.AccountingApproved) : null,
        a.ReclaimStatus is { } status ? new ReclaimView(a.ReclaimReason, a.ReclaimAmount, Date(a.ReclaimDate), Codes.Of(status)) : null,
        a.IsSynthetic);

    private static async Task<Results<Created<NewGrant>, ProblemHttpResult>> CreateAsync(HttpRequest request, VarnDbContext db, Access access, GrantRegister register, CancellationToken cancellationToken)
    {
        var (json, unreadable) = await JsonReader.ReadObjectAsync(request, MaxBody, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        using var document = json!;
        var errors = new Dictionary<string, string>();
        var body = new JsonReader(document.RootElement, errors, "");
        body.Only("council", "year", "kind", "association", "amount", "premises", "premisesWhen", "criteria", "criteriaNotes");
        var association = body.Object("association");
        association?.Only("name", "organisationNumber");
        var criteria = ReadCriteria(body, errors);
        var input = new GrantInput(body.Text("kind"), association?.Text("name"), association?.Text("organisationNumber"), body.Number("amount"),
            body.Text("premises"), body.Text("premisesWhen"), criteria);
        var councilCode = body.Text("council");
        var year = body.Number("year");
        if (councilCode is null)
        {
            errors["council"] = "Ange nämndens kortnamn, till exempel skarholmen.";
        }
        if (year is null && !errors.ContainsKey("year"))
        {
            errors["year"] = "Ange året.";
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Ansökan kunde inte läsas", errors);
        }
        var (council, refusal) = await CouncilAsync(db, access, councilCode!, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (application, problems) = await register.CreateAsync(council!, int.Parse(year!, CultureInfo.InvariantCulture), input, cancellationToken: cancellationToken);
        if (application is null)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Ansökan registrerades inte", problems);
        }
        return TypedResults.Created($"/api/v1/grants/{application.Id}", new NewGrant(application.Id, $"/api/v1/grants/{application.Id}"));
    }

    private static async Task<Results<Ok<List<GrantView>>, ProblemHttpResult>> ListAsync(string? council, int? year, VarnDbContext db, Access access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(council))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Nämnd saknas", "council", "Ange nämnden: ?council=skarholmen.");
        }
        var target = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == council, cancellationToken);
        if (target is null)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Nämnden finns inte", "council", $"Det finns ingen nämnd «{council}».");
        }
        if (!access.CanSeePicture(target.Id))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "council", $"Du har ingen roll i {target.Name} som ger tillgång till registret.");
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

    private static async Task<Results<Ok<GrantView>, ProblemHttpResult>> DecideAsync(int id, HttpRequest request, VarnDbContext db, Access access, GrantRegister register, CancellationToken cancellationToken)
    {
        var (application, refusal) = await FindAsync(db, access, id, write: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (json, unreadable) = await JsonReader.ReadObjectAsync(request, MaxBody, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        using var document = json!;
        var errors = new Dictionary<string, string>();
        var body = new JsonReader(document.RootElement, errors, "");
        body.Only("decision", "note");
        var (decision, note) = (body.Text("decision"), body.Text("note"));
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Beslutet kunde inte läsas", errors);
        }
        var problems = await register.DecideAsync(application!, decision, note, application!.Version, cancellationToken);
        return problems.Count > 0
            ? ApiProblems.Problem(problems.ContainsKey("version") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, "Beslutet registrerades inte", problems)
            : TypedResults.Ok(View(application));
    }

    private static async Task<Results<Ok<GrantView>, ProblemHttpResult>> ReclaimAsync(int id, HttpRequest request, VarnDbContext db, Access access, GrantRegister register, CancellationToken cancellationToken)
    {
        var (application, refusal) = await FindAsync(db, access, id, write: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (json, unreadable) = await JsonReader.ReadObjectAsync(request, MaxBody, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        using var document = json!;
        var errors = new Dictionary<string, string>();
        var body = new JsonReader(document.RootElement, errors, "");
        body.Only("reason", "amount", "date", "status");
        var (reason, amount, date, status) = (body.Text("reason"), body.Number("amount"), body.Text("date"), body.Text("status"));
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Återkravet kunde inte läsas", errors);
        }
        var problems = await register.ReclaimAsync(application!, reason, amount, date, status, application!.Version, cancellationToken);
        return problems.Count > 0
            ? ApiProblems.Problem(problems.ContainsKey("version") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, "Återkravet registrerades inte", problems)
            : TypedResults.Ok(View(application));
    }

    private static Dictionary<string, (bool Confirmed, string? Note)> ReadCriteria(JsonReader body, Dictionary<string, string> errors)
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

    public static IQueryable<GrantApplication> Query(VarnDbContext db) =>
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

    private static async Task<(Council? Council, ProblemHttpResult? Refusal)> CouncilAsync(VarnDbContext db, Access access, string council, CancellationToken cancellationToken)
    {
        var target = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == council, cancellationToken);
        if (target is null)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Nämnden finns inte", "council", $"Det finns ingen nämnd «{council}»."));
        }
        return access.CanCoordinate(target.Id)
            ? (target, null)
            : (null, ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "council", $"Bara {target.Name}s samordnare kan föra registret."));
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
