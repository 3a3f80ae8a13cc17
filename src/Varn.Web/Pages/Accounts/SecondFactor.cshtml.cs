using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Varn.Web.Startup;

namespace Varn.Web.Pages.Accounts;

/// <summary>The second step of a password sign-in for an account with two-factor on: a code from the app, or a recovery code.</summary>
[EnableRateLimiting(AccountsSetup.SignInPolicy)]
public class SecondFactorModel(SignInManager<VarnUser> signIn, AuditLog audit, CurrentActor actor) : VarnPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/logga-in") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/logga-in");
        }
        var code = TwoFactorCodes.Normalise(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), T["Skriv den sexsiffriga koden från appen."]);
            return Invalid();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return await FinishAsync(user, result, nameof(Code), "lösenord och app",
            T["Koden stämmer inte eller är redan använd. Vänta tills appen visar nästa kod och skriv den."], cancellationToken);
    }

    public async Task<IActionResult> OnPostRecoveryAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/logga-in");
        }
        var code = (RecoveryCode ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), T["Skriv en av dina återställningskoder."]);
            return Invalid();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return await FinishAsync(user, result, nameof(RecoveryCode), "lösenord och återställningskod",
            T["Återställningskoden stämmer inte eller är redan använd. Varje kod fungerar en gång."], cancellationToken);
    }

    private async Task<IActionResult> FinishAsync(VarnUser user, Microsoft.AspNetCore.Identity.SignInResult result, string field, string method, string wrong,
        CancellationToken cancellationToken)
    {
        actor.Set(user.DisplayName, user.Id);
        if (result.Succeeded)
        {
            await audit.RecordAsync("signin.succeeded", nameof(VarnUser), user.Id, $"metod: {method}", cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        await audit.RecordAsync(result.IsLockedOut ? "signin.lockedout" : "signin.failed", nameof(VarnUser), user.Id, $"metod: {method}; fel kod", cancellationToken);
        ModelState.AddModelError(field, result.IsLockedOut ? SignInModel.LockedOut(T) : wrong);
        return Invalid();
    }
}
