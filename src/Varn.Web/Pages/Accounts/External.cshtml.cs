using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Varn.Web.Startup;

namespace Varn.Web.Pages.Accounts;

/// <summary>
/// Where the identity provider's answer lands after /signin-oidc: the person's Värn account is found, linked or made
/// (with no role), and the session begins. The provider's ID token stays with the session for signing out there.
/// </summary>
public class ExternalModel(SignInManager<VarnUser> signIn, UserManager<VarnUser> users, AccountService accounts, AuditLog audit, CurrentActor actor,
    IOptions<OidcSettings> oidc) : VarnPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = oidc.Value;
        if (!settings.Enabled)
        {
            return NotFound();
        }
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var subject = external.Principal?.FindFirstValue("sub");
        if (!external.Succeeded || string.IsNullOrEmpty(subject))
        {
            return Redirect("/logga-in?fel=oidc");
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);

        var found = await accounts.ForExternalSignInAsync(OidcSettings.Scheme, subject,
            external.Principal!.FindFirstValue(settings.EmailClaim), external.Principal!.FindFirstValue(settings.NameClaim), cancellationToken);
        var user = found.User;
        if (user is not null && await users.IsLockedOutAsync(user))
        {
            found = found with { Problem = SignInModel.LockedOut(T) };
        }
        if (found.Problem is not null)
        {
            await audit.RecordAsync("signin.failed", user is null ? null : nameof(VarnUser), user?.Id, "metod: oidc; kontot kunde inte användas", cancellationToken);
            Problem = T[found.Problem];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var properties = new AuthenticationProperties();
        properties.StoreTokens(external.Properties!.GetTokens().Where(t => t.Name == "id_token"));
        await signIn.SignInWithClaimsAsync(user!, properties, [new Claim(OidcSetup.AmrClaim, OidcSetup.SingleSignOn)]);
        actor.Set(user!.DisplayName, user.Id);
        await audit.RecordAsync("signin.succeeded", nameof(VarnUser), user.Id,
            found.Created ? "metod: oidc; nytt konto utan roll" : "metod: oidc", cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
