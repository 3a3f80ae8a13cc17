using Varn.Core.Forums;

namespace Varn.Web.Pages.Forums;

/// <summary>One forum: its members, planned frequency, meetings held against planned per year, and the meeting log.</summary>
public class ForumModel(VarnDbContext db, ForumRegister register, TimeProvider clock) : VarnPageModel
{
    public sealed class MeetingForm
    {
        public string? Date { get; set; }
        public bool VbeOnAgenda { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    [BindProperty]
    public IndexModel.ForumForm Change { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public Forum Forum { get; private set; } = null!;
    public IReadOnlyList<ForumYear> Years { get; private set; } = [];
    public bool CanEdit => Access.CanCoordinate(Forum.CouncilId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Change = new IndexModel.ForumForm { Name = Forum.Name, Kind = Codes.Of(Forum.Kind), Owner = Forum.Owner, Members = Forum.Members, Frequency = Forum.Frequency };
        Version = Forum.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!CanEdit)
        {
            return Forbidden();
        }
        var errors = await register.UpdateAsync(Forum, new ForumInput(Change.Name, Change.Kind, Change.Owner, Change.Members, Change.Frequency), Version, cancellationToken);
        if (errors.Count == 0)
        {
            Flash = T["Forumet är ändrat."];
            return Redirect($"/forum/{id}");
        }
        AddErrors("Change", errors);
        Response.StatusCode = errors.ContainsKey("version") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostMeetingAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!CanEdit)
        {
            return Forbidden();
        }
        var (meeting, errors) = await register.AddMeetingAsync(Forum, Input.Date, Input.VbeOnAgenda, Input.Note, cancellationToken);
        if (meeting is null)
        {
            AddErrors("Input", errors);
            Change = new IndexModel.ForumForm { Name = Forum.Name, Kind = Codes.Of(Forum.Kind), Owner = Forum.Owner, Members = Forum.Members, Frequency = Forum.Frequency };
            Version = Forum.Version;
            return Invalid();
        }
        Flash = T["Mötet {0:yyyy-MM-dd} är registrerat.", meeting.Date];
        return Redirect($"/forum/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.Include(f => f.Council).Include(f => f.Meetings).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (forum is null || !Access.CanSeePicture(forum.CouncilId))
        {
            return NotFound();
        }
        Forum = forum;
        Years = ForumYear.Years(forum, clock.Today().Year);
        return null;
    }
}
