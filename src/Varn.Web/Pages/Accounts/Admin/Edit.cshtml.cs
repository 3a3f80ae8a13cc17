using Microsoft.AspNetCore.Identity;

namespace Varn.Web.Pages.Accounts.Admin;

/// <summary>One account: its roles, lockout, a new password, and its API tokens.</summary>
public class EditModel(VarnDbContext db, UserManager<VarnUser> users, AccountService accounts, AuditLog audit, TimeProvider clock) : VarnPageModel
{
    public sealed record RoleRow(int Id, Role Role, string? Scope);

    [BindProperty]
    public RoleInput Grant { get; set; } = new();

    [BindProperty]
    public string? NewPassword { get; set; }

    public VarnUser Account { get; private set; } = null!;
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public RoleChoices Choices { get; private set; } = null!;
    public bool Locked => Account.LockoutEnd > clock.GetUtcNow();

    /// <summary>Whether the account is linked to the identity provider.</summary>
    public bool SingleSignOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Codes.TryParse<Role>(Grant.Role, out var role))
        {
            ModelState.AddModelError("Grant.Role", T["Välj en roll."]);
            return Invalid();
        }
        var outcome = await accounts.GrantAsync(id, role, Grant.Council, Grant.Unit, cancellationToken);
        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError($"Grant.{field}", message);
        }
        if (!outcome.Succeeded)
        {
            return Invalid();
        }
        Flash = T["{0} har fått rollen {1}.", Account.DisplayName, T[role.Label()].Value.ToLowerInvariant()];
        return Redirect($"/admin/konton/{id}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, int assignmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await accounts.RevokeRoleAsync(id, assignmentId, cancellationToken);
        Flash = T["Rollen är borttagen."];
        return Redirect($"/admin/konton/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var user = (await users.FindByIdAsync(id))!;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Flash = T["Kontot för {0} är upplåst.", user.DisplayName];
        return Redirect($"/admin/konton/{id}");
    }

    /// <summary>A lost phone: two-factor off and a new key, so that the person sets the app up again at the next sign-in; audited.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var user = (await users.FindByIdAsync(id))!;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ReplaceAuthenticatorKeyAsync(user);
        await audit.RecordAsync("account.twofactor.reset", nameof(VarnUser), id, cancellationToken: cancellationToken);
        Flash = T["Tvåstegsverifieringen för {0} är återställd. Hen lägger till Värn i appen igen vid nästa inloggning.", user.DisplayName];
        return Redirect($"/admin/konton/{id}");
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var user = (await users.FindByIdAsync(id))!;
        var check = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, NewPassword ?? "")));
        var problems = check.SelectMany(r => r.Errors).Select(e => e.Description).ToList();
        if (string.IsNullOrEmpty(NewPassword) || problems.Count > 0)
        {
            ModelState.AddModelError(nameof(NewPassword), problems.Count > 0 ? string.Join(" ", problems) : T["Ange ett nytt lösenord."]);
            return Invalid();
        }
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, NewPassword);
        Flash = T["{0} har fått ett nytt lösenord.", user.DisplayName];
        return Redirect($"/admin/konton/{id}");
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(string id, int tokenId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Flash = await accounts.RevokeTokenAsync(id, tokenId, cancellationToken) ? T["API-nyckeln är återkallad."].Value : null;
        return Redirect($"/admin/konton/{id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (account is null)
        {
            return false;
        }
        Account = account;
        Roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == id)
            .Select(r => new RoleRow(r.Id, r.Role, r.Unit != null ? r.Council!.Name + " – " + r.Unit.Name : r.Council != null ? r.Council.Name : null))
            .ToListAsync(cancellationToken);
        Tokens = await TokenRow.LoadAsync(db, id, cancellationToken);
        SingleSignOn = await db.UserLogins.AnyAsync(l => l.UserId == id, cancellationToken);
        Choices = await RoleChoices.LoadAsync(db, cancellationToken);
        return true;
    }
}
