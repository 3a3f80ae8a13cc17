using System.Net;
using System.Text;
using System.Text.Json;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Forums;

/// <summary>Forums and their meeting log: meetings held against the frequency the plan gives, and the share with VBE on the agenda.</summary>
public class ForumRegisterTests : IDisposable
{
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task FourTimesAYear_ThreeMeetingsTwoWithVbe_Shows3Of4And67Percent_ByApiAndPage()
    {
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var year = app.Clock.Today().Year - 1;
        var id = await CreateAsync(api, "Trygghetsrådet i prov", "tsr", "4 ggr/år");
        foreach (var (date, vbe) in new[] { ($"{year}-02-10", true), ($"{year}-05-12", false), ($"{year}-09-15", true) })
        {
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/v1/forums/{id}/meetings", Json(new { date, vbeOnAgenda = vbe, note = "Lägesbilden stämdes av." }))).StatusCode);
        }

        var forum = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/forums/{id}")).RootElement;
        var shown = forum.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year);
        var page = await (await app.SignedInAsync(TestAccounts.SkarholmenReader)).GetPageAsync($"/forum/{id}");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent == $"{year}");

        Assert.Equal((4, 3, 2, 67), (shown.GetProperty("planned").GetInt32(), shown.GetProperty("held").GetInt32(), shown.GetProperty("vbeOnAgenda").GetInt32(), shown.GetProperty("vbeShare").GetInt32()));
        Assert.Equal(["3", "4", "2", "67 %"], row.Children.Skip(1).Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task EveryFourteenDays_Expects26AYear()
    {
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var id = await CreateAsync(api, "Kommunpolisen i prov", "policeAgreement", "var 14:e dag");

        var forum = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/forums/{id}")).RootElement;

        Assert.Equal(26, forum.GetProperty("plannedPerYear").GetInt32());
        Assert.Equal(26, forum.GetProperty("years")[0].GetProperty("planned").GetInt32());
    }

    [Fact]
    public async Task ChangingTheFrequency_ChangesWhatIsPlanned_AndAStaleFormIsAConflict()
    {
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var id = await CreateAsync(await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator), "Forum i prov", "sspf", "10 ggr/år");
        var form = (await coordinator.GetPageAsync($"/forum/{id}")).Forms.Single(f => f.Action.Contains("handler=Edit"));

        var changed = await coordinator.SubmitAsync(form, new Dictionary<string, string> { ["Change.Frequency"] = "6 ggr/år" });
        var stale = await coordinator.SubmitAsync(form, new Dictionary<string, string> { ["Change.Frequency"] = "var 14:e dag" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(6, await app.WithDbAsync(async db => (await db.Forums.SingleAsync(f => f.Id == id)).PlannedPerYear));
    }

    [Theory]
    [InlineData("frequency", "ibland")]
    [InlineData("members", "Anna Andersson, 070-174 06 47")]
    [InlineData("kind", "okänt")]
    public async Task ABadField_IsRefusedByName_NothingStored(string field, string value)
    {
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var body = new Dictionary<string, object> { ["council"] = "skarholmen", ["name"] = "Forum i prov", ["kind"] = "tsr", ["frequency"] = "4 ggr/år" };
        body[field] = field == "members" ? new[] { value } : value;

        var refused = await api.PostAsync("/api/v1/forums", Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _));
        Assert.False(await app.WithDbAsync(db => db.Forums.AnyAsync(f => f.Name == "Forum i prov")));
    }

    [Fact]
    public async Task AMeetingNoteWithAPhoneNumber_IsRefusedInTheForm_TheTextKept()
    {
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var id = await CreateAsync(await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator), "Forum i prov", "sspf", "10 ggr/år");
        var form = (await coordinator.GetPageAsync($"/forum/{id}")).Forms.Single(f => f.Action.Contains("handler=Meeting"));

        var refused = await coordinator.SubmitAsync(form, new Dictionary<string, string> { ["Input.Date"] = app.Clock.Today().ToString("yyyy-MM-dd"), ["Input.Note"] = "Ring 070-174 06 47 om eleven." });
        var page = await Html.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("telefonnummer", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Ring 070-174 06 47 om eleven.", page.QuerySelector("textarea[name='Input.Note']")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.ForumMeetings.AnyAsync(m => m.ForumId == id)));
    }

    private static async Task<int> CreateAsync(HttpClient api, string name, string kind, string frequency)
    {
        var response = await api.PostAsync("/api/v1/forums", Json(new { council = "skarholmen", name, kind, owner = "Stadsdelsdirektören", members = new[] { "Polisen", "Socialtjänsten" }, frequency }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
