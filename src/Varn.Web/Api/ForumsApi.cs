using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.Forums;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary><c>/api/v1/forums</c>: the council's cooperation forums and their meeting log, with meetings held against planned per year (C13).</summary>
public static class ForumsApi
{
    private const int MaxBody = 64 * 1024;

    public sealed record NewEntry(int Id, string Url);

    public sealed record YearView(int Year, int? Planned, int Held, int VbeOnAgenda, int? VbeShare);

    public sealed record MeetingView(int Id, string Date, bool VbeOnAgenda, string? Note);

    public sealed record ForumView(int Id, string Council, string Name, string Kind, string? Owner, IReadOnlyList<string> Members, string? Frequency, int? PlannedPerYear,
        IReadOnlyList<YearView> Years, IReadOnlyList<MeetingView> Meetings, bool Synthetic);

    public static void MapForumsApi(this IEndpointRouteBuilder routes)
    {
        var forums = routes.MapGroup("/api/v1/forums").WithTags("Forums").RequireAuthorization(Policies.ApiClient);
        forums.MapPost("/", CreateAsync).WithName("CreateForum").DisableAntiforgery();
        forums.MapGet("/", ListAsync).WithName("ListForums");
        forums.MapGet("/{id:int}", GetAsync).WithName("GetForum");
        forums.MapPost("/{id:int}/meetings", AddMeetingAsync).WithName("AddForumMeeting").DisableAntiforgery();
    }

    private static ForumView View(Forum forum, int thisYear) => new(
        forum.Id, forum.Council!.Short, forum.Name, Codes.Of(forum.Kind), forum.Owner,
        (forum.Members ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), forum.Frequency, forum.PlannedPerYear,
        ForumYear.Years(forum, thisYear).Select(y => new YearView(y.Year, y.Planned, y.Held, y.VbeOnAgenda, y.VbeShare)).ToList(),
        forum.Meetings.OrderByDescending(m => m.Date).Select(m => new MeetingView(m.Id, m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.VbeOnAgenda, m.Note)).ToList(),
        forum.IsSynthetic);

    private static async Task<Results<Created<NewEntry>, ProblemHttpResult>> CreateAsync(HttpRequest request, VarnDbContext db, Access access, ForumRegister register, CancellationToken cancellationToken)
    {
        var (json, unreadable) = await JsonReader.ReadObjectAsync(request, MaxBody, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        using var document = json!;
        var errors = new Dictionary<string, string>();
        var body = new JsonReader(document.RootElement, errors, "");
        body.Only("council", "name", "kind", "owner", "members", "frequency");
        var members = body.Texts("members");
        var input = new ForumInput(body.Text("name"), body.Text("kind"), body.Text("owner"), members is null ? null : string.Join('\n', members), body.Text("frequency"));
        var code = body.Text("council");
        if (code is null && !errors.ContainsKey("council"))
        {
            errors["council"] = "Ange nämndens kortnamn, till exempel skarholmen.";
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Forumet kunde inte läsas", errors);
        }
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == code, cancellationToken);
        if (council is null)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Nämnden finns inte", "council", $"Det finns ingen nämnd «{code}».");
        }
        if (!access.CanCoordinate(council.Id))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "council", $"Bara {council.Name}s samordnare kan föra registret.");
        }
        var (forum, problems) = await register.CreateAsync(council, input, cancellationToken: cancellationToken);
        if (forum is null)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Forumet registrerades inte", problems);
        }
        return TypedResults.Created($"/api/v1/forums/{forum.Id}", new NewEntry(forum.Id, $"/api/v1/forums/{forum.Id}"));
    }

    private static async Task<Results<Ok<List<ForumView>>, ProblemHttpResult>> ListAsync(string? council, VarnDbContext db, Access access, TimeProvider clock, CancellationToken cancellationToken)
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
        var forums = await Query(db).Where(f => f.CouncilId == target.Id).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(forums.Select(f => View(f, clock.Today().Year)).ToList());
    }

    private static async Task<Results<Ok<ForumView>, ProblemHttpResult>> GetAsync(int id, VarnDbContext db, Access access, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (forum, refusal) = await FindAsync(db, access, id, write: false, cancellationToken);
        return refusal ?? (Results<Ok<ForumView>, ProblemHttpResult>)TypedResults.Ok(View(forum!, clock.Today().Year));
    }

    private static async Task<Results<Created<MeetingView>, ProblemHttpResult>> AddMeetingAsync(int id, HttpRequest request, VarnDbContext db, Access access, ForumRegister register, CancellationToken cancellationToken)
    {
        var (forum, refusal) = await FindAsync(db, access, id, write: true, cancellationToken);
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
        body.Only("date", "vbeOnAgenda", "note");
        var (date, vbe, note) = (body.Text("date"), body.Flag("vbeOnAgenda"), body.Text("note"));
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Mötet kunde inte läsas", errors);
        }
        var (meeting, problems) = await register.AddMeetingAsync(forum!, date, vbe ?? false, note, cancellationToken);
        if (meeting is null)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Mötet registrerades inte", problems);
        }
        return TypedResults.Created($"/api/v1/forums/{forum!.Id}", new MeetingView(meeting.Id, meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), meeting.VbeOnAgenda, meeting.Note));
    }

    public static IQueryable<Forum> Query(VarnDbContext db) => db.Forums.Include(f => f.Council).Include(f => f.Meetings);

    private static async Task<(Forum? Forum, ProblemHttpResult? Refusal)> FindAsync(VarnDbContext db, Access access, int id, bool write, CancellationToken cancellationToken)
    {
        var forum = await Query(db).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (forum is null || !access.CanSeePicture(forum.CouncilId))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status404NotFound, "Forumet finns inte", "id", $"Det finns inget forum {id} som du har tillgång till."));
        }
        if (write && !access.CanCoordinate(forum.CouncilId))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "id", "Bara nämndens samordnare kan föra mötesloggen."));
        }
        return (forum, null);
    }
}
