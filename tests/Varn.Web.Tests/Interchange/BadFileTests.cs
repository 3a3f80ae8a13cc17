using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varn.Web.Tests.Cli;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Interchange;

/// <summary>A malformed varn.plan/1 file is refused as a whole, with every error named, nothing stored and never a 500.</summary>
[Collection(nameof(ConsoleCollection))]
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
    public async Task Api_ExistingDraft_IsAConflictUnlessReplaced()
    {
        var api = await app.ApiClientAsync(TestAccounts.Central);
        var draft = ValidPlan();
        draft["year"] = 2031;
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync("/api/v1/plans", Json(draft))).StatusCode);
        draft["activities"]!.AsArray().RemoveAt(1);

        var refused = await api.PostAsync("/api/v1/plans", Json(draft));
        var replaced = await api.PostAsync("/api/v1/plans?replace=true", Json(draft));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("$.year", await ErrorPathsAsync(refused));
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Activities.CountAsync(a => a.Plan!.Council!.Short == "kungsholmen" && a.Plan.Year == 2031)));
    }

    [Fact]
    public async Task Api_ReplacingAnApprovedPlan_IsRefusedAndLeavesItItsHistoryAndNextYearsLineage()
    {
        var api = await app.ApiClientAsync(TestAccounts.Central);
        var (_, reviseOutput) = await app.RunAsync("plans", "revise", "--council", "skarholmen", "--from", "2019");
        Assert.Contains("Skapade", reviseOutput);
        var before = await PlanStateAsync();
        var file = await api.GetStringAsync("/api/v1/plans/skarholmen/2019");

        var refused = await api.PostAsync("/api/v1/plans?replace=true", new StringContent(file.Replace("Föräldrastöd", "Ändrat föräldrastöd"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("låst i steget", problem);
        Assert.Contains("$.year", await ErrorPathsAsync(refused));
        Assert.Equal(before, await PlanStateAsync());
    }

    /// <summary>The 2019 plan's id, stage, activities and stage history, and the 2020 plan's lineage.</summary>
    private Task<string> PlanStateAsync() => app.WithDbAsync(async db =>
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Activities).Include(p => p.StageChanges).SingleAsync(p => p.Council!.Short == "skarholmen" && p.Year == 2019);
        var next = await db.Plans.AsNoTracking().SingleAsync(p => p.Council!.Short == "skarholmen" && p.Year == 2020);
        return $"{plan.Id} {plan.Stage} {string.Join("|", plan.Activities.OrderBy(a => a.Id).Select(a => a.Text))} {plan.StageChanges.Count} {next.RevisedFromId}";
    });

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
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return json.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
    }
}
