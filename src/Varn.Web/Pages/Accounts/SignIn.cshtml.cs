using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Varn.Web.Startup;

namespace Varn.Web.Pages.Accounts;

/// <summary>Sign-in with a Värn password, with the city's identity provider, or both, as the settings say.</summary>
[EnableRateLimiting(AccountsSetup.SignInPolicy)]
public class SignInModel(SignInManager<VarnUser> signIn, UserManager<VarnUser> users, AuditLog audit, CurrentActor actor, IOptions<OidcSettings> oidc) : VarnPageModel
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

    /// <summary>"oidc" after a sign-in at the identity provider that did not go through.</summary>
    [BindProperty(SupportsGet = true, Name = "fel")]
    public string? Failure { get; set; }

    public OidcSettings Oidc => oidc.Value;

    public void OnGet()
    {
        if (Failure == "oidc" && Oidc.Enabled)
        {
            ModelState.AddModelError(string.Empty,
                T["Inloggningen med {0} gick inte igenom. Försök igen, eller kontakta administratören om felet består.", Oidc.Label]);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Oidc.PasswordsAllowed)
        {
            ModelState.AddModelError(string.Empty, T["Inloggning med lösenord är avstängd. Logga in med {0}.", Oidc.Label]);
            return Invalid();
        }
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", T["Ange din e-postadress."]);
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", T["Ange ditt lösenord."]);
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
            await audit.RecordAsync("signin.succeeded", nameof(VarnUser), user.Id, "metod: lösenord", cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return Redirect($"/logga-in/tvastegs?returnUrl={Uri.EscapeDataString(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/")}");
        }

        await audit.RecordAsync(
            result.IsLockedOut ? "signin.lockedout" : "signin.failed",
            user is null ? null : nameof(VarnUser),
            user?.Id,
            user is null ? "metod: lösenord; okänd e-postadress" : "metod: lösenord",
            cancellationToken);
        ModelState.AddModelError("Input.Password", result.IsLockedOut
            ? LockedOut(T)
            : T["Fel e-postadress eller lösenord."]);
        return Invalid();
    }

    /// <summary>Sends the person to the identity provider, when it answers; says so in Swedish when it does not.</summary>
    public async Task<IActionResult> OnPostOidcAsync(CancellationToken cancellationToken)
    {
        if (!Oidc.Enabled)
        {
            return NotFound();
        }
        if (await HttpContext.ProviderConfigurationAsync() is null)
        {
            await audit.RecordAsync("signin.failed", summary: "metod: oidc; identitetsleverantören svarar inte", cancellationToken: cancellationToken);
            ModelState.AddModelError(string.Empty, Oidc.PasswordsAllowed
                ? T["{0} svarar inte just nu, så inloggning med {0} går inte. Försök igen om en stund, eller logga in med ditt lösenord i Värn om du har ett.", Oidc.Label]
                : T["{0} svarar inte just nu, så det går inte att logga in. Försök igen om en stund.", Oidc.Label]);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return Challenge(new AuthenticationProperties { RedirectUri = $"/logga-in/extern?returnUrl={Uri.EscapeDataString(returnUrl)}" }, OidcSettings.Scheme);
    }

    public static string LockedOut(IStringLocalizer T) => T["Kontot är spärrat efter för många misslyckade inloggningar. Försök igen om 15 minuter eller kontakta administratören."];
}
