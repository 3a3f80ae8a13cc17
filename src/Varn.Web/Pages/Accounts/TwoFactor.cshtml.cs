using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Varn.Web.Startup;

namespace Varn.Web.Pages.Accounts;

/// <summary>
/// Two-factor with an authenticator app for a password account: set up (key, QR code, a first code), new recovery
/// codes, and turning it off where the person's roles do not require it.
/// </summary>
public class TwoFactorModel(UserManager<VarnUser> users, SignInManager<VarnUser> signIn, AuditLog audit) : VarnPageModel
{
    public const string Path = "/konto/tvastegsverifiering";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool HasPassword { get; private set; }
    public bool Enabled { get; private set; }
    public bool Required => Access.NeedsSecondFactor;
    public int RecoveryCodesLeft { get; private set; }
    public string Key { get; private set; } = "";
    public string QrImage { get; private set; } = "";

    /// <summary>Recovery codes just made: shown this once, stored only as Identity keeps them.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string Continue => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(prepareKey: true) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }
        if (Enabled || !HasPassword)
        {
            return Redirect(Path);
        }
        var code = TwoFactorCodes.Normalise(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), T["Skriv den sexsiffriga koden som appen visar."]);
            return Invalid();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), T["Koden stämmer inte. Kontrollera att telefonens klocka går rätt och skriv den kod som visas just nu."]);
            return Invalid();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await audit.RecordAsync("account.twofactor.enabled", nameof(VarnUser), user.Id, cancellationToken: cancellationToken);
        // Turning it on changed the account's security stamp: a new session, now signed in with both factors.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(OidcSetup.AmrClaim, OidcSetup.PasswordAndApp)]);
        Enabled = true;
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }
        if (!Enabled)
        {
            return Conflict(T["Återställningskoder hör till tvåstegsverifieringen: slå på den först."]);
        }
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        await audit.RecordAsync("account.recoverycodes.renewed", nameof(VarnUser), user.Id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }
        if (!Enabled)
        {
            return Redirect(Path);
        }
        if (Required)
        {
            return Conflict(T["Med din roll krävs tvåstegsverifiering: den kan inte stängas av. Har du tappat telefonen kan administratören återställa den."]);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ReplaceAuthenticatorKeyAsync(user);
        await audit.RecordAsync("account.twofactor.disabled", nameof(VarnUser), user.Id, cancellationToken: cancellationToken);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(OidcSetup.AmrClaim, OidcSetup.PasswordOnly)]);
        Flash = T["Tvåstegsverifieringen är avstängd."];
        return Redirect(Path);
    }

    /// <summary>The person and their two-factor state. Only showing the set-up page (GET) makes a key for one who has none: a refused form changes nothing.</summary>
    private async Task<VarnUser?> LoadAsync(bool prepareKey = false)
    {
        var user = Access.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            return null;
        }
        HasPassword = await users.HasPasswordAsync(user);
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        }
        else if (HasPassword)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                if (!prepareKey)
                {
                    return user;
                }
                await users.ReplaceAuthenticatorKeyAsync(user);
                // A new key changes the security stamp: renew this session so that it is not ended mid-way.
                await signIn.RefreshSignInAsync(user);
                key = (await users.GetAuthenticatorKeyAsync(user))!;
            }
            Key = TwoFactorCodes.Readable(key);
            QrImage = TwoFactorCodes.QrImage(TwoFactorCodes.Uri(user.Email ?? user.UserName!, key));
        }
        return user;
    }
}
