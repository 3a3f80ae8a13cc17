using Microsoft.Extensions.Options;

namespace Varn.Web.Startup;

/// <summary>Response headers that keep pages from being framed, sniffed or made to run injected script.</summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<OidcSettings> oidc)
{
    // Forms go to Värn only; with single sign-on, the sign-in and sign-out forms continue to the identity provider.
    private readonly string contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"object-src 'none'; base-uri 'self'; form-action 'self'{(oidc.Value.Origin is { } origin ? " " + origin : "")}; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
