using Varn.Web.Api;
using Varn.Web.Pages.Accounts;

namespace Varn.Web.Startup;

/// <summary>
/// An administrator or coordinator signed in with a password alone reaches nothing but the two-factor set-up (and
/// sign-out, errors, language) until an authenticator app is set up. Single sign-on sessions and API tokens pass:
/// the identity provider and the token are the second factor's concern there.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    private static readonly string[] Open = [TwoFactorModel.Path, "/logga-ut", "/fel", "/sprak"];

    public async Task InvokeAsync(HttpContext context, Access access)
    {
        if (!access.IsSignedIn || !access.NeedsSecondFactor || context.User.SignInMethod() != OidcSetup.PasswordOnly
            || Open.Any(path => context.Request.Path.StartsWithSegments(path)))
        {
            await next(context);
            return;
        }
        if (VarnPipeline.IsApi(context))
        {
            await ApiProblems.Problem(StatusCodes.Status403Forbidden, "Tvåstegsverifiering krävs", "session",
                $"Med din roll krävs tvåstegsverifiering. Slå på den på {TwoFactorModel.Path}, eller använd en API-nyckel.").ExecuteAsync(context);
            return;
        }
        var here = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{TwoFactorModel.Path}?returnUrl={Uri.EscapeDataString(HttpMethods.IsGet(context.Request.Method) ? here : "/")}");
    }
}
