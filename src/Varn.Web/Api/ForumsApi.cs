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
        var (read, refusal) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken);
        if (read is null)
        {
            return refusal!;
        }
        using var body = read;
        var json = body.Reader;
        json.Only("council", "name", "kind", "owner", "members", "frequency");
        var members = json.Texts("members");
        var input = new ForumInput(json.Text("name"), json.Text("kind"), json.Text("owner"), members is null ? null : string.Join('\n', members), json.Text("frequency"));
        var code = json.Text("council");
        if (body.Unreadable("Forumet kunde inte läsas") is { } unreadable)
        {
            return unreadable;
        }
        var (council, denied) = await ApiCouncil.FindAsync(db, code, access.CanCoordinate, "föra nämndens forumregister", inBody: true, cancellationToken);
        if (council is null)
        {
            return denied!;
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
        var (target, denied) = await ApiCouncil.FindAsync(db, council, access.CanSeePicture, "läsa nämndens forumregister", cancellationToken: cancellationToken);
        if (target is null)
        {
            return denied!;
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
        var (read, unreadable) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken);
        if (read is null)
        {
            return unreadable!;
        }
        using var body = read;
        body.Reader.Only("date", "vbeOnAgenda", "note");
        var (date, vbe, note) = (body.Reader.Text("date"), body.Reader.Flag("vbeOnAgenda"), body.Reader.Text("note"));
        if (body.Unreadable("Mötet kunde inte läsas") is { } wrong)
        {
            return wrong;
        }
        var (meeting, problems) = await register.AddMeetingAsync(forum!, date, vbe ?? false, note, cancellationToken);
        if (meeting is null)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Mötet registrerades inte", problems);
        }
        return TypedResults.Created($"/api/v1/forums/{forum!.Id}", new MeetingView(meeting.Id, meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), meeting.VbeOnAgenda, meeting.Note));
    }

    private static IQueryable<Forum> Query(VarnDbContext db) => db.Forums.Include(f => f.Council).Include(f => f.Meetings);

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
