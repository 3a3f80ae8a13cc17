using Microsoft.AspNetCore.Diagnostics;

namespace Varn.Web.Startup;

/// <summary>
/// Answers 413 at once to a request that declares a body larger than Värn accepts, before anything tries to read it
/// (otherwise the antiforgery check would fail first and report a misleading 400).
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The error page is re-executed with the same request; it must get through to explain the 413.
        if (context.Request.ContentLength > VarnServices.MaxRequestBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
