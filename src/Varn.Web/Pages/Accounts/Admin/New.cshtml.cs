using Microsoft.Extensions.Options;
using Varn.Web.Startup;

namespace Varn.Web.Pages.Accounts.Admin;

public class NewModel(VarnDbContext db, AccountService accounts, IOptions<OidcSettings> oidc) : VarnPageModel
{
    public sealed class AccountInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    [BindProperty]
    public RoleInput Grant { get; set; } = new();

    public RoleChoices Choices { get; private set; } = null!;

    /// <summary>With single sign-on, a person can be pre-registered by e-mail without a password.</summary>
    public OidcSettings Oidc => oidc.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Choices = await RoleChoices.LoadAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Choices = await RoleChoices.LoadAsync(db, cancellationToken);
        if (!Codes.TryParse<Role>(Grant.Role, out var role))
        {
            ModelState.AddModelError("Grant.Role", T["Välj personens roll."]);
            return Invalid();
        }
        if (role.Scope() == RoleScope.Council && string.IsNullOrEmpty(Grant.Council))
        {
            ModelState.AddModelError("Grant.Council", T["Rollen {0} gäller en nämnd: välj vilken.", T[role.Label()].Value.ToLowerInvariant()]);
        }
        if (role.Scope() == RoleScope.Unit && Grant.Unit is null)
        {
            ModelState.AddModelError("Grant.Unit", T["En enhetschef hör till en enhet: välj vilken."]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var created = await accounts.CreateAsync(Input.Email, Input.DisplayName, Input.Password, passwordRequired: !Oidc.Enabled, cancellationToken);
        foreach (var (field, message) in created.Errors)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }
        if (!created.Succeeded)
        {
            return Invalid();
        }
        var granted = await accounts.GrantAsync(created.User!.Id, role, Grant.Council, Grant.Unit, cancellationToken);
        Flash = granted.Succeeded
            ? T["Kontot för {0} är skapat.", created.User.DisplayName]
            : T["Kontot för {0} är skapat, men rollen kunde inte ges: {1}", created.User.DisplayName, string.Join(" ", granted.Errors.Values)];
        return Redirect($"/admin/konton/{created.User.Id}");
    }
}
