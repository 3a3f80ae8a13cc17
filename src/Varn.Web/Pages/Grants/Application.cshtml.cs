using Varn.Core.Grants;

namespace Varn.Web.Pages.Grants;

/// <summary>One application: the checklist while undecided, the decision, the accounting of use, and the reclaim.</summary>
public class ApplicationModel(VarnDbContext db, GrantRegister register) : VarnPageModel
{
    public sealed class ApplicationInput
    {
        public Checklist Checklist { get; set; } = new();
        public string? Decision { get; set; }
        public string? Note { get; set; }
        public string? ReceivedOn { get; set; }
        public bool? Approved { get; set; }
        public string? Reason { get; set; }
        public string? Amount { get; set; }
        public string? Date { get; set; }
        public string? Status { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public GrantApplication Application { get; private set; } = null!;

    public bool CanEdit => Access.CanCoordinate(Application.CouncilId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, write: false, cancellationToken) is { } refused)
        {
            return refused;
        }
        Input = new ApplicationInput { Checklist = Checklist.Of(Application), Version = Application.Version, Status = Application.ReclaimStatus is { } s ? Codes.Of(s) : null };
        return Page();
    }

    public Task<IActionResult> OnPostCheckAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => register.CheckAsync(Application, Input.Checklist.ToInput(), Input.Version, cancellationToken), T["Kriterierna är sparade."], cancellationToken, checklistPosted: true);

    public Task<IActionResult> OnPostDecideAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => register.DecideAsync(Application, Input.Decision, Input.Note, Input.Version, cancellationToken), T["Beslutet är registrerat."], cancellationToken);

    public Task<IActionResult> OnPostAccountAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => register.AccountAsync(Application, Input.ReceivedOn, Input.Approved, Input.Version, cancellationToken), T["Redovisningen är registrerad."], cancellationToken);

    public Task<IActionResult> OnPostReclaimAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => register.ReclaimAsync(Application, Input.Reason, Input.Amount, Input.Date, Input.Status, Input.Version, cancellationToken), T["Återkravet är registrerat."], cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, Func<Task<Dictionary<string, string>>> change, string done, CancellationToken cancellationToken, bool checklistPosted = false)
    {
        if (await LoadAsync(id, write: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        var errors = await change();
        if (errors.Count == 0)
        {
            Flash = done;
            return Redirect($"/bidrag/{id}");
        }
        if (!checklistPosted)
        {
            // The other forms do not carry the checklist: show it as stored, not as the empty one the post bound.
            Input.Checklist = Checklist.Of(Application);
        }
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(Checklist.FieldOf(key), message);
        }
        if (errors.ContainsKey("version"))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Invalid();
    }

    private async Task<IActionResult?> LoadAsync(int id, bool write, CancellationToken cancellationToken)
    {
        var application = await db.GrantApplications.Include(a => a.Council).Include(a => a.Association).Include(a => a.Criteria).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !Access.CanSeePicture(application.CouncilId))
        {
            return NotFound();
        }
        Application = application;
        return write && !CanEdit ? Forbidden() : null;
    }
}
