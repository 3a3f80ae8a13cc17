using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Varn.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Varn.Web.Startup;

/// <summary>Accounts (ASP.NET Core Identity), sign-in cookies, API tokens, authorization policies and rate limits.</summary>
public static class AccountsSetup
{
    public const string SignInPolicy = "sign-in";
    public const string ReportsPolicy = "reports";
    private const string PageOrToken = "PageOrToken";

    public static IServiceCollection AddVarnAccounts(this IServiceCollection services, IWebHostEnvironment environment, IConfiguration configuration)
    {
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Access>();
        services.AddScoped<AccountService>();
        services.AddScoped<IAuthorizationHandler, RoleRequirementHandler>();

        services.AddIdentityCore<VarnUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddEntityFrameworkStores<VarnDbContext>()
            .AddUserStore<VarnUserStore>()
            .AddErrorDescriber<SwedishIdentityErrors>();

        var authentication = services.AddAuthentication(PageOrToken)
            .AddPolicyScheme(PageOrToken, "Cookie for pages, bearer token for the API", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
            {
                options.Cookie.Name = "varn.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/logga-in";
                options.LogoutPath = "/logga-ut";
                options.ReturnUrlParameter = "returnUrl";
                // A signed-in person without the role gets 403 and the error page at the same address, not a redirect.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            }));
        authentication.AddVarnOidc(configuration);
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            // The session keeps how it was signed in (password, password and app, single sign-on) when it is re-checked.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.SignInMethod() is { } method && context.NewPrincipal?.Identity is ClaimsIdentity identity
                    && !identity.HasClaim(c => c.Type == OidcSetup.AmrClaim))
                {
                    identity.AddClaim(new Claim(OidcSetup.AmrClaim, method));
                }
                return Task.CompletedTask;
            };
        });

        services.AddAuthorization(Policies.Add);
        // The key ring lives in the database, shared by every instance, and is read with plain SQL (ADR 0024).
        services.AddDataProtection().SetApplicationName("Varn");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new KeyRingRepository(provider, provider.GetRequiredService<ILogger<KeyRingRepository>>())));

        var limits = configuration.GetSection("Varn:RateLimit");
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.GetValue("SignInPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(ReportsPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.GetValue("ReportsPerMinute", 20), Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }
}
