using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Varn.Web.Api;

namespace Varn.Web.Startup;

public static class VarnPipeline
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static WebApplication UseVarn(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseStart>();
        app.Use(next => context => database.HoldAsync(context, next));
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fel",
            // A request that breaks a server limit (too large, malformed) is the sender's error: keep its 4xx.
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/fel/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestSizeGuard>();

        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Swedish, Swedish);
            options.SupportedCultures = [Swedish];
            options.SupportedUICultures = [Swedish, English];
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<AccessMiddleware>();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapPlansApi();
        app.MapReportsApi();
        app.MapSurveysApi();
        app.MapGrantsApi();
        app.MapForumsApi();
        app.MapFollowUpApi();
        app.MapOverviewApi();
        app.MapCompetenceApi();
        app.MapSituationApi();
        app.MapRazorPages();
        return app;
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
