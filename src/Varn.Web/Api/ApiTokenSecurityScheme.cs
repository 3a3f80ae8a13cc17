using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Varn.Web.Api;

/// <summary>Describes in the OpenAPI document that every /api/v1 operation takes a personal token as a bearer token.</summary>
public sealed class ApiTokenSecurityScheme : IOpenApiDocumentTransformer
{
    private const string Name = "ApiToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "En personlig API-nyckel (varn_…), skapad på /konto eller med `users token`.",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] };
        foreach (var operation in document.Paths.Values.Where(p => p.Operations is not null).SelectMany(p => p.Operations!.Values))
        {
            operation.Security ??= [];
            operation.Security.Add(requirement);
        }
        return Task.CompletedTask;
    }
}
