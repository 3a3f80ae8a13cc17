using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Interchange;

/// <summary>A malformed varn.plan/1 file is refused as a whole, with every error named, nothing stored and never a 500.</summary>
public class BadFileTests : IClassFixture<BadFileTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public VarnFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private readonly VarnFactory app;

    public BadFileTests(Fixture fixture) => app = fixture.App;

    private static JsonObject ValidPlan() => new()
    {
        ["format"] = "varn.plan/1",
        ["council"] = new JsonObject { ["name"] = "Kungsholmens stadsdelsnämnd", ["kind"] = "district" },
        ["year"] = 2024,
        ["title"] = "Kungsholmens stadsdelsnämnds handlingsplan mot våldsbejakande extremism 2024",
        ["diarienummer"] = null,
        ["stage"] = "draft",
        ["sections"] = new JsonObject { ["introduction"] = "Inledning." },
        ["activities"] = new JsonArray(
            new JsonObject { ["area"] = "prevention", ["text"] = "Utbilda personal", ["responsible"] = "Preventionssamordnare", ["partners"] = new JsonArray(), ["schedule"] = "HT 2024", ["followUp"] = null, ["status"] = "planned" },
            new JsonObject { ["area"] = "hindering", ["text"] = "Samverka med polisen", ["responsible"] = "Socialtjänsten", ["partners"] = new JsonArray("Polis"), ["schedule"] = "Pågående", ["followUp"] = null, ["status"] = "ongoing" }),
    };

    public static TheoryData<string, string[]> BrokenPlans => new()
    {
        { "wrong types", ["$.year", "$.activities[0].text", "$.activities[1].partners"] },
        { "unknown field", ["$.owner"] },
        { "unknown council", ["$.council.name"] },
        { "bad area and status", ["$.activities[0].area", "$.activities[1].status"] },
        { "unknown section", ["$.sections.epilogue"] },
        { "wrong format", ["$.format"] },
    };

    private static JsonObject Break(string how)
    {
        var plan = ValidPlan();
        var activities = plan["activities"]!.AsArray();
        switch (how)
        {
            case "wrong types":
                plan["year"] = "tjugotjugofyra";
                activities[0]!["text"] = 42;
                activities[1]!["partners"] = "Polis";
                break;
            case "unknown field":
                plan["owner"] = "someone";
                break;
            case "unknown council":
                plan["council"]!["name"] = "Gotham stadsdelsnämnd";
                break;
            case "bad area and status":
                activities[0]!["area"] = "marketing";
                activities[1]!["status"] = "finished";
                break;
            case "unknown section":
                plan["sections"]!["epilogue"] = "Slut.";
                break;
            case "wrong format":
                plan["format"] = "varn.plan/2";
                break;
        }
        return plan;
    }

    [Fact]
    public async Task Api_ValidPlan_IsImported()
    {
        var response = await (await app.ApiClientAsync(TestAccounts.Central)).PostAsync("/api/v1/plans", Json(ValidPlan()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Activities.CountAsync(a => a.Plan!.Council!.Short == "kungsholmen" && a.Plan.Year == 2024)));
        await app.WithDbAsync(db => db.Plans.Where(p => p.Council!.Short == "kungsholmen").ExecuteDeleteAsync());
    }

    [Theory]
    [MemberData(nameof(BrokenPlans))]
    public async Task Api_BrokenPlan_IsRefusedWithEveryErrorAndNothingStored(string how, string[] paths)
    {
        var before = await CountsAsync();

        var response = await (await app.ApiClientAsync(TestAccounts.Central)).PostAsync("/api/v1/plans", Json(Break(how)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorPathsAsync(response);
        Assert.All(paths, path => Assert.Contains(path, errors));
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(BrokenPlans))]
    public async Task Upload_BrokenPlan_ShowsEveryErrorAndStoresNothing(string how, string[] paths)
    {
        var before = await CountsAsync();

        var response = await UploadAsync(Encoding.UTF8.GetBytes(Break(how).ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var listed = page.QuerySelectorAll(".error-list code").Select(c => c.TextContent).ToList();
        Assert.All(paths, path => Assert.Contains(path, listed));
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Api_InvalidUtf8_IsRefusedWithAClearMessage()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidPlan().ToJsonString()).ToList();
        bytes.InsertRange(40, new byte[] { 0xC3, 0x28, 0xFF });

        var response = await (await app.ApiClientAsync(TestAccounts.Central)).PostAsync("/api/v1/plans", new ByteArrayContent(bytes.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_NotJson_IsRefusedWithLineAndPosition()
    {
        var response = await (await app.ApiClientAsync(TestAccounts.Central)).PostAsync("/api/v1/plans", new StringContent("{\"format\": \"varn.plan/1\",\n  \"year\": 20", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("inte giltig JSON (rad", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_FiftyMegabyteFile_IsRefusedAsTooLarge()
    {
        var before = await CountsAsync();
        var huge = new byte[50 * 1024 * 1024];
        Array.Fill(huge, (byte)' ');

        var response = await (await app.ApiClientAsync(TestAccounts.Central)).PostAsync("/api/v1/plans", new ByteArrayContent(huge) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Upload_FiftyMegabyteFile_GetsTheSwedishTooLargePage()
    {
        var huge = new byte[50 * 1024 * 1024];
        Array.Fill(huge, (byte)' ');

        var response = await UploadAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Filen är för stor", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_ExistingCouncilAndYear_IsAConflictUnlessReplaced()
    {
        var api = await app.ApiClientAsync(TestAccounts.Central);
        var existing = await api.GetStringAsync("/api/v1/plans/skarholmen/2019");

        var refused = await api.PostAsync("/api/v1/plans", new StringContent(existing, Encoding.UTF8, "application/json"));
        var replaced = await api.PostAsync("/api/v1/plans?replace=true", new StringContent(existing, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        Assert.Equal(30, await app.WithDbAsync(db => db.Activities.CountAsync(a => a.Plan!.Council!.Short == "skarholmen" && a.Plan.Year == 2019)));
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] file)
    {
        var client = await app.SignedInAsync(TestAccounts.Central);
        var page = await client.GetPageAsync("/planer/importera");
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
            { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, "Upload", "plan.json" },
        };
        return await client.PostAsync("/planer/importera?handler=Preview", content);
    }

    private Task<(int Plans, int Activities)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.Plans.CountAsync(), await db.Activities.CountAsync()));

    private static StringContent Json(JsonObject plan) => new(plan.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<List<string>> ErrorPathsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToList();
    }
}
