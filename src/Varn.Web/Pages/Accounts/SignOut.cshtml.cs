using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Varn.Web.Startup;

namespace Varn.Web.Pages.Accounts;

/// <summary>Ends the Värn session and, for a single sign-on session where the provider has a sign-out address, the provider's too.</summary>
public class SignOutModel(SignInManager<VarnUser> signIn, AuditLog audit, IOptions<OidcSettings> oidc) : VarnPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var atProvider = oidc.Value.Enabled
            && User.SignInMethod() == OidcSetup.SingleSignOn
            && await HttpContext.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token") is not null
            && (await HttpContext.ProviderConfigurationAsync())?.EndSessionEndpoint is { Length: > 0 };
        await audit.RecordAsync("signout", summary: atProvider ? "även hos identitetsleverantören" : null, cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return atProvider
            ? SignOut(new AuthenticationProperties { RedirectUri = "/logga-in" }, OidcSettings.Scheme)
            : Redirect("/logga-in");
    }
}
