using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing.Matching;

namespace Varn.Web.Startup;

/// <summary>
/// Each page's descriptor (handlers, bound properties, filters, authorisation) is built when the page is first
/// requested, not for all pages before the first request is served (ADR 0027). The routes are known from the start,
/// from the compiled views and the route conventions; what MVC builds for a page at its first request is what it
/// builds for every page at start without this. This is MVC's own path for pages compiled at run time: its
/// <see cref="PageActionDescriptorProvider"/> and <see cref="PageLoader"/>, with the matcher policy of its runtime
/// compilation package, which Värn does not use.
/// </summary>
public static class PagesOnFirstRequest
{
    public static IServiceCollection AddPagesOnFirstRequest(this IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(IActionDescriptorProvider) && d.ImplementationType == typeof(CompiledPageActionDescriptorProvider)));
        services.AddSingleton<IActionDescriptorProvider, PageActionDescriptorProvider>();
        services.AddSingleton<MatcherPolicy, PageLoaderPolicy>();
        return services;
    }
}

/// <summary>
/// When a request matches a page whose descriptor is not built yet, builds it (once; <see cref="PageLoader"/> keeps it)
/// and puts the page's full endpoint in the match. Everything after routing (authorisation, the page's filters, its
/// handlers) sees that endpoint, with the metadata the page's conventions give it.
/// </summary>
public sealed class PageLoaderPolicy(PageLoader loader) : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <summary>Before the other selector policies, which may read the page's metadata.</summary>
    public override int Order => int.MinValue + 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Any(endpoint => NotYetLoaded(endpoint) is not null);

    public async Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && NotYetLoaded(candidates[i].Endpoint) is { } page)
            {
                var loaded = await loader.LoadAsync(page, candidates[i].Endpoint.Metadata);
                candidates.ReplaceEndpoint(i, loaded.Endpoint, candidates[i].Values);
            }
        }
    }

    private static PageActionDescriptor? NotYetLoaded(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page and not CompiledPageActionDescriptor ? page : null;
}
