using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>What the app answers: every mapped endpoint, and for pages every handler method. New pages and endpoints join the enumerating tests by themselves.</summary>
public static class MappedRoutes
{
    /// <summary>"POST /planer/{council}/{year:int}?handler=Move", "GET /api/v1/plans/" …</summary>
    public static async Task<HashSet<string>> ListAsync(VarnFactory app)
    {
        var routes = new HashSet<string>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    routes.Add($"{handler.HttpMethod.ToUpperInvariant()} {pattern}{(handler.Name is null ? "" : $"?handler={handler.Name}")}");
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                routes.Add($"{method} {pattern}");
            }
        }
        return routes;
    }

    /// <summary>The page addresses (patterns without method or handler), e.g. "/planer/{council}/{year:int}".</summary>
    public static IReadOnlyList<string> Pages(VarnFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
