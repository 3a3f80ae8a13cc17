using System.Text.Json;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Api;

public class OpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheApiAndItsBearerTokens()
    {
        using var app = new VarnFactory(demo: false);

        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/plans", paths);
        Assert.Contains("/api/v1/plans/{council}/{year}", paths);
        Assert.Contains("/api/v1/reports", paths);
        var scheme = json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiToken");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(json.RootElement.GetProperty("paths").GetProperty("/api/v1/reports").GetProperty("post").TryGetProperty("security", out _));
    }
}
