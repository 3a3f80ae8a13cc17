using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Varn.Web.Infrastructure;

/// <summary>
/// A request for a handler a page does not have never runs the page: Razor Pages would otherwise render it without
/// any handler having loaded its model (a 500), or quietly run the plain OnPost for an unknown <c>?handler=</c>.
/// A named handler that does not exist is 404; a method the page does not answer at all is 405. One filter for every
/// page, so no page needs its own check.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    private const string HandlerKey = "handler";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            // The error page, shown for another request: it answers whatever method that request had.
            return next();
        }
        var requested = Convert.ToString(context.RouteData.Values[HandlerKey], System.Globalization.CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(requested) && request.Query.TryGetValue(HandlerKey, out var query))
        {
            requested = query.ToString();
        }
        var selected = context.HandlerMethod;
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (selected is null && (handlers.Count > 0 || !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)))
        {
            var answers = handlers.Any(h => string.Equals(h.HttpMethod, request.Method, StringComparison.OrdinalIgnoreCase)
                                            || (HttpMethods.IsHead(request.Method) && h.HttpMethod == "GET"));
            context.Result = new StatusCodeResult(answers ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }
        if (!string.IsNullOrEmpty(requested) && !string.Equals(selected?.Name, requested, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
            return Task.CompletedTask;
        }
        return next();
    }
}
