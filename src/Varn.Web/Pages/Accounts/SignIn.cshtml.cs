using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Varn.Web.Startup;

namespace Varn.Web.Pages.Accounts;

[EnableRateLimiting(AccountsSetup.SignInPolicy)]
public class SignInModel(SignInManager<VarnUser> signIn, UserManager<VarnUser> users, AuditLog audit, CurrentActor actor) : VarnPageModel
{
    public sealed class SignInInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Ange din e-postadress.");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Ange ditt lösenord.");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            actor.Set(user!.DisplayName, user.Id);
            await audit.RecordAsync("signin.succeeded", nameof(VarnUser), user.Id, cancellationToken: cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await audit.RecordAsync(
            result.IsLockedOut ? "signin.lockedout" : "signin.failed",
            user is null ? null : nameof(VarnUser),
            user?.Id,
            user is null ? "okänd e-postadress" : null,
            cancellationToken);
        ModelState.AddModelError("Input.Password", result.IsLockedOut
            ? "Kontot är spärrat efter för många misslyckade inloggningar. Försök igen om 15 minuter eller kontakta administratören."
            : "Fel e-postadress eller lösenord.");
        return Invalid();
    }
}
