using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.FollowUp;

/// <summary>
/// A plan of next year for Skärholmen with the three schedules — «VT», a lone date in March, «HT» — all planned;
/// the first belongs to the unit the demo unit manager runs. Next year (or later), so that no demo plan is in the way.
/// </summary>
public sealed class FollowUpTestPlan
{
    public const string Council = "skarholmen";
    public static readonly string[] Texts = ["Utbilda skolans personal i VBE", "Kartlägga klotter i centrum", "Genomföra föräldramöten om extremism"];

    public required int Year { get; init; }
    public required IReadOnlyList<int> Ids { get; init; }
    public string Api => $"/api/v1/plans/{Council}/{Year}";
    public string Page => $"/planer/{Council}/{Year}";

    public static async Task<FollowUpTestPlan> CreateAsync(VarnFactory app, int yearsAhead = 1)
    {
        var year = app.Clock.Today().Year + yearsAhead;
        string[] schedules = [$"VT {year}", $"{year} 03 15", $"HT {year}"];
        var plan = new JsonObject
        {
            ["format"] = "varn.plan/1",
            ["council"] = new JsonObject { ["name"] = "Skärholmens stadsdelsnämnd", ["kind"] = "district" },
            ["year"] = year,
            ["title"] = $"Skärholmens stadsdelsnämnds handlingsplan mot våldsbejakande extremism {year}",
            ["diarienummer"] = $"SKH-{year}/12",
            ["stage"] = "approved",
            ["sections"] = new JsonObject { ["introduction"] = "Inledning." },
            ["activities"] = new JsonArray(Enumerable.Range(0, 3).Select(i => (JsonNode)new JsonObject
            {
                ["area"] = i == 2 ? "hindering" : "prevention", ["text"] = Texts[i], ["responsible"] = "Enhetschef", ["partners"] = new JsonArray(),
                ["schedule"] = schedules[i], ["followUp"] = null, ["status"] = "planned",
            }).ToArray()),
        };
        var api = await app.ApiClientAsync(TestAccounts.Central);
        var created = await api.PostAsync("/api/v1/plans/", new StringContent(plan.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await app.WithDbAsync(db => db.Activities.Where(a => a.Plan!.Council!.Short == Council && a.Plan.Year == year)
            .ToDictionaryAsync(a => a.Text, a => a.Id));
        var ids = Texts.Select(t => stored[t]).ToList();
        var unit = await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Council!.Short == Council && u.Name == "Socialtjänsten"));
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(a => a.ResponsibleUnitId, unit.Id)));
        return new FollowUpTestPlan { Year = year, Ids = ids };
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> OpenAsync(HttpClient api, FollowUpTestPlan plan, string round) =>
        api.PostAsJsonAsync($"{plan.Api}/followup", new { round });

    public static Task<HttpResponseMessage> PutAsync(HttpClient api, FollowUpTestPlan plan, string round, object lines) =>
        api.PutAsJsonAsync($"{plan.Api}/followup/{round}", lines);

    /// <summary>The activities' (id → overdue) of a round as the API gives them.</summary>
    public static Dictionary<int, bool> Overdue(JsonElement round) =>
        round.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetInt32(), a => a.GetProperty("overdue").GetBoolean());

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
