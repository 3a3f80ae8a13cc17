using Microsoft.AspNetCore.Identity;

namespace Varn.Web.Pages.Accounts;

/// <summary>The signed-in person's own account: roles, password, personal API tokens.</summary>
public class IndexModel(VarnDbContext db, UserManager<VarnUser> users, SignInManager<VarnUser> signIn, AccountService accounts) : VarnPageModel
{
    public sealed class PasswordInput
    {
        public string? Current { get; set; }
        public string? New { get; set; }
    }

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    public string? TokenName { get; set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    /// <summary>The reminders Värn has sent this person, newest first.</summary>
    public IReadOnlyList<Varn.Core.Overview.Reminder> Reminders { get; private set; } = [];

    /// <summary>Accounts that sign in only through the identity provider have no password to change or second factor to set up here.</summary>
    public bool HasPassword { get; private set; }
    public bool TwoFactorEnabled { get; private set; }

    /// <summary>A token just created: shown this once, never stored.</summary>
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken cancellationToken)
    {
        var (_, secret, error) = await accounts.IssueTokenAsync(Access.UserId!, TokenName, cancellationToken);
        await LoadAsync(cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(TokenName), error);
            return Invalid();
        }
        NewSecret = secret;
        TokenName = null;
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(int tokenId, CancellationToken cancellationToken)
    {
        Flash = await accounts.RevokeTokenAsync(Access.UserId!, tokenId, cancellationToken) ? T["API-nyckeln är återkallad."].Value : null;
        return Redirect("/konto");
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(Access.UserId!);
        if (user is null)
        {
            return NotFound();
        }
        var result = await users.ChangePasswordAsync(user, Password.Current ?? "", Password.New ?? "");
        if (!result.Succeeded)
        {
            await LoadAsync(cancellationToken);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", error.Description);
            }
            return Invalid();
        }
        await signIn.RefreshSignInAsync(user);
        Flash = T["Ditt lösenord är bytt."];
        return Redirect("/konto");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = Access.UserId!;
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new { r.Role, Council = r.Council == null ? null : r.Council.Name, Unit = r.Unit == null ? null : r.Unit.Name })
            .ToListAsync(cancellationToken);
        Roles = roles.Select(r => r.Role.Label() + ((r.Unit ?? r.Council) is { } scope ? $" – {scope}" : "")).ToList();
        Tokens = await TokenRow.LoadAsync(db, userId, cancellationToken);
        Reminders = await db.Reminders.AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.CreatedAt).Take(50).ToListAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { HasPassword = u.PasswordHash != null, u.TwoFactorEnabled }).FirstAsync(cancellationToken);
        HasPassword = user.HasPassword;
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
