using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Varn.Web.Startup;

/// <summary>The settings under "Varn:Oidc": single sign-on with the city's identity provider (Entra ID, ADFS, Keycloak…).</summary>
public sealed class OidcSettings
{
    public const string Section = "Varn:Oidc";
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer address; single sign-on is on when it is set. HTTPS, or a loopback address for tests.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the person's e-mail address: "email", or "preferred_username"/"upn" with Entra ID.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>The claim that carries the person's name.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The organisation named on the button: "Logga in med {Label}".</summary>
    public string Label { get; set; } = "organisationens konto";

    /// <summary>Whether accounts may still sign in with a Värn password when single sign-on is on.</summary>
    public bool PasswordSignIn { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Password sign-in is always there when single sign-on is off: otherwise nobody could sign in.</summary>
    public bool PasswordsAllowed => !Enabled || PasswordSignIn;

    /// <summary>The provider's origin, which forms may be sent on to (sign-out at the provider).</summary>
    public string? Origin => Enabled ? new Uri(Authority!).GetLeftPart(UriPartial.Authority) : null;

    /// <summary>Why these settings cannot work, in Swedish; null when they can.</summary>
    public string? Problem()
    {
        if (!Enabled)
        {
            return null;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
        {
            return $"Varn:Oidc:Authority är ingen giltig adress: {Authority}";
        }
        var loopback = IPAddress.TryParse(authority.Host, out var address) && IPAddress.IsLoopback(address);
        if (authority.Scheme != Uri.UriSchemeHttps && !(authority.Scheme == Uri.UriSchemeHttp && loopback))
        {
            return "Varn:Oidc:Authority måste vara en https-adress (http bara mot en loopback-adress som 127.0.0.1, för test).";
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return "Varn:Oidc:ClientId saknas: ange det klient-id som identitetsleverantören gav Värn.";
        }
        return null;
    }
}

/// <summary>
/// OpenID Connect sign-in with the framework's own handler: code flow with PKCE, the callback at /signin-oidc, the
/// result in Identity's external cookie for <c>/logga-in/extern</c> to link to a Värn account.
/// </summary>
public static class OidcSetup
{
    public static AuthenticationBuilder AddVarnOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var services = authentication.Services;
        services.Configure<OidcSettings>(configuration.GetSection(OidcSettings.Section));
        var settings = configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        if (settings.Problem() is { } problem)
        {
            throw new OptionsValidationException(OidcSettings.Section, typeof(OidcSettings), [problem]);
        }
        if (!settings.Enabled)
        {
            return authentication;
        }
        return authentication.AddOpenIdConnect(OidcSettings.Scheme, settings.Label, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = new Uri(settings.Authority!).Scheme == Uri.UriSchemeHttps;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            // Signing out at the provider takes the ID token that the Värn session keeps.
            options.SignOutScheme = IdentityConstants.ApplicationScheme;
            options.ResponseType = "code";
            options.UsePkce = true;
            // The answer comes back as a top-level GET: the correlation and nonce cookies can stay SameSite=Lax.
            options.ResponseMode = "query";
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.ClaimActions.MapUniqueJsonKey(settings.EmailClaim, settings.EmailClaim);
            options.ClaimActions.MapUniqueJsonKey(settings.NameClaim, settings.NameClaim);
            options.SaveTokens = true;
            options.BackchannelTimeout = TimeSpan.FromSeconds(10);
            // A provider that was down is asked again soon, not after the default five minutes.
            options.RefreshInterval = TimeSpan.FromSeconds(10);
            options.Events.OnRemoteFailure = async context =>
            {
                var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
                await audit.RecordAsync("signin.failed", summary: "metod: oidc; identitetsleverantören eller svaret godtogs inte");
                context.Response.Redirect("/logga-in?fel=oidc");
                context.HandleResponse();
            };
        });
    }

    /// <summary>The provider's metadata (read now, or earlier and cached), or null when the provider does not answer within seconds.</summary>
    public static async Task<OpenIdConnectConfiguration?> ProviderConfigurationAsync(this HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcSettings.Scheme);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            return await options.ConfigurationManager!.GetConfigurationAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>How this session was signed in: "pwd" (password), "mfa" (password and app) or "oidc".</summary>
    public static string? SignInMethod(this ClaimsPrincipal principal) => principal.FindFirstValue(AmrClaim);

    public const string AmrClaim = "amr";

    /// <summary>The methods as Identity names them ("pwd" after a password, "mfa" after password and app), and single sign-on.</summary>
    public const string PasswordOnly = "pwd";
    public const string PasswordAndApp = "mfa";
    public const string SingleSignOn = "oidc";
}
