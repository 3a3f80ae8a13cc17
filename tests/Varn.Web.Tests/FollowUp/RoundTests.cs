using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Varn.Core.Plans;
using Varn.Web.Tests.Infrastructure;
using static Varn.Web.Tests.FollowUp.FollowUpTestPlan;

namespace Varn.Web.Tests.FollowUp;

/// <summary>Follow-up rounds (issue 15): overdue at each cut-off, the lock, the ILS files both ways, and who may do what.</summary>
public class RoundTests : IDisposable
{
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Overdue_AtT1OnlyTheMarchDate_AtT2AlsoTheSpringTerm_AtTheYearAllThree_InApiPageAndCsv()
    {
        var plan = await CreateAsync(app);
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var browser = await app.SignedInAsync(TestAccounts.SkarholmenReader);
        var (vt, march, ht) = (plan.Ids[0], plan.Ids[1], plan.Ids[2]);
        var expected = new Dictionary<string, int[]> { ["T1"] = [march], ["T2"] = [vt, march], ["year"] = [vt, march, ht] };
        foreach (var (round, overdue) in expected)
        {
            var opened = await JsonAsync(await OpenAsync(api, plan, round), HttpStatusCode.Created);
            Assert.Equal("open", opened.GetProperty("state").GetString());
            var flags = FollowUpTestPlan.Overdue(await JsonAsync(await api.GetAsync($"{plan.Api}/followup/{round}"), HttpStatusCode.OK));
            Assert.Equal(overdue.Order(), flags.Where(f => f.Value).Select(f => f.Key).Order());

            var page = await browser.GetPageAsync($"{plan.Page}/uppfoljning/{round}");
            var flagged = page.QuerySelectorAll("fieldset.round-line").Where(f => f.QuerySelector(".tag--overdue") is not null).Select(f => f.Id).ToList();
            Assert.True(overdue.Select(id => $"aktivitet-{id}").Order().SequenceEqual(flagged.Order()), $"{round}: {string.Join(",", flagged)} in {page.QuerySelector("main")!.TextContent}");

            var csv = await ReadCsvAsync(await api.GetAsync($"{plan.Api}/followup/{round}.csv"));
            Assert.Equal(3, csv.Count);
            Assert.Equal(overdue.Select(Id).Order(), csv.Where(r => r["försenad"] == "ja").Select(r => r["aktivitets-id"]).Order());
            Assert.All(csv, r => Assert.Equal(round, r["omgång"]));
        }
    }

    [Fact]
    public async Task ASubmittedRound_Refuses409_TheNextStartsFromIt_AndNextYearsRevisionShowsTheLastStatus()
    {
        var plan = await CreateAsync(app);
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        await JsonAsync(await OpenAsync(api, plan, "T1"), HttpStatusCode.Created);
        await JsonAsync(await PutAsync(api, plan, "T1", new object[]
        {
            new { id = plan.Ids[1], status = "done", comment = "Kartläggningen klar i mars" },
            new { id = plan.Ids[0], status = "ongoing", comment = "Två av fyra skolor utbildade" },
        }), HttpStatusCode.OK);
        var submitted = await JsonAsync(await api.PostAsync($"{plan.Api}/followup/T1/submit", null), HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.GetProperty("state").GetString());

        await JsonAsync(await PutAsync(api, plan, "T1", new object[] { new { id = plan.Ids[2], status = "done", comment = (string?)null } }), HttpStatusCode.Conflict);
        await JsonAsync(await api.PostAsync($"{plan.Api}/followup/T1/submit", null), HttpStatusCode.Conflict);
        await JsonAsync(await OpenAsync(api, plan, "T1"), HttpStatusCode.Conflict);
        Assert.Equal(ActivityStatus.Planned, await app.WithDbAsync(db => db.Activities.Where(a => a.Id == plan.Ids[2]).Select(a => a.Status).SingleAsync()));

        var t2 = await JsonAsync(await OpenAsync(api, plan, "T2"), HttpStatusCode.Created);
        var started = t2.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetInt32());
        Assert.Equal("done", started[plan.Ids[1]].GetProperty("status").GetString());
        Assert.Equal("Två av fyra skolor utbildade", started[plan.Ids[0]].GetProperty("comment").GetString());

        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var planPage = await coordinator.GetPageAsync(plan.Page);
        var revised = await coordinator.SubmitAsync(planPage.Form("form[action*=Revise]"));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var next = await coordinator.GetPageAsync($"/planer/skarholmen/{plan.Year + 1}");
        var previous = next.QuerySelectorAll("#foregaende ~ table tr, section[aria-labelledby=foregaende] tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(previous.Any(r => r.Contains(Texts[1]) && r.Contains("Genomförd") && r.Contains("Kartläggningen klar i mars")), string.Join(" | ", previous) + next.QuerySelector("main")!.TextContent);
        Assert.Contains(previous, r => r.Contains(Texts[0]) && r.Contains("Pågående") && r.Contains("Två av fyra skolor utbildade"));
        Assert.Contains(previous, r => r.Contains(Texts[2]) && r.Contains("Planerad"));

        var history = await coordinator.GetPageAsync($"/planer/skarholmen/{plan.Year}/aktiviteter/{plan.Ids[1]}");
        Assert.Contains("Kartläggningen klar i mars", history.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task BadLines_Are422ByItem_AnotherUnitsActivityIs403_AnotherCouncilsRoundIsNotFound_NothingStored()
    {
        var plan = await CreateAsync(app);
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        await JsonAsync(await OpenAsync(api, plan, "T1"), HttpStatusCode.Created);

        var refused = await JsonAsync(await PutAsync(api, plan, "T1", new object[]
        {
            new { id = plan.Ids[0], status = "done", comment = "Ring 070-123 45 67 för mer" },
            new { id = plan.Ids[1], status = "klar", comment = "ok" },
            new { id = 999999, status = "done", comment = "ok" },
        }), HttpStatusCode.UnprocessableEntity);
        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty("[0].comment", out _));
        Assert.True(errors.TryGetProperty("[1].status", out _));
        Assert.True(errors.TryGetProperty("[2].id", out _));

        var manager = await app.ApiClientAsync(TestAccounts.SkarholmenUnitManager);
        await JsonAsync(await PutAsync(manager, plan, "T1", new object[] { new { id = plan.Ids[0], status = "ongoing", comment = "Enhetens arbete pågår" } }), HttpStatusCode.OK);
        await JsonAsync(await PutAsync(manager, plan, "T1", new object[] { new { id = plan.Ids[1], status = "done", comment = "inte min" } }), HttpStatusCode.Forbidden);
        await JsonAsync(await manager.PostAsync($"{plan.Api}/followup/T1/submit", null), HttpStatusCode.Forbidden);

        var other = await app.ApiClientAsync(TestAccounts.KungsholmenCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{plan.Api}/followup/T1")).StatusCode);
        await JsonAsync(await OpenAsync(api, plan, "T4"), HttpStatusCode.UnprocessableEntity);

        var lines = await app.WithDbAsync(db => db.FollowUpEntries.Where(e => plan.Ids.Contains(e.ActivityId)).ToListAsync());
        Assert.Equal("Enhetens arbete pågår", lines.Single(l => l.ActivityId == plan.Ids[0]).Comment);
        Assert.All(lines.Where(l => l.ActivityId != plan.Ids[0]), l => Assert.Equal(ActivityStatus.Planned, l.Status));
    }

    [Fact]
    public async Task Files_XlsxHasARowPerActivity_WordRendersInLibreOffice_AnEditedCsvChangesExactlyItsRows_ABadRowRefusesTheWhole()
    {
        var plan = await CreateAsync(app);
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        await JsonAsync(await OpenAsync(api, plan, "T1"), HttpStatusCode.Created);

        var xlsx = await api.GetAsync($"{plan.Api}/followup/T1.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(1 + plan.Ids.Count, rows.Count);
        }

        var docx = await api.GetAsync($"{plan.Api}/followup/T1.docx");
        var text = string.Join(' ', (await Tools.WordToPdfTextAsync(await docx.Content.ReadAsByteArrayAsync())).Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.All(Texts, t => Assert.Contains(t, text));
        Assert.Contains("Tertial 1", text);

        // The coordinator edits one row in a spreadsheet: status and comment of the March activity.
        var csv = await ReadCsvAsync(await api.GetAsync($"{plan.Api}/followup/T1.csv"));
        var edited = csv.Select(r => new Dictionary<string, string>(r)).ToList();
        var row = edited.Single(r => r["aktivitets-id"] == Id(plan.Ids[1]));
        row["status"] = "Genomförd";
        row["kommentar"] = "Ändrad i kalkylarket";

        var preview = await JsonAsync(await api.PostAsync($"{plan.Api}/followup/T1/import?preview=true", Csv(edited)), HttpStatusCode.OK);
        Assert.False(preview.GetProperty("stored").GetBoolean());
        Assert.Equal(1, preview.GetProperty("changed").GetInt32());
        var before = await RoundStatusesAsync(plan);
        Assert.True(before.All(s => s.Value.Status == ActivityStatus.Planned));

        var broken = edited.Select(r => new Dictionary<string, string>(r)).ToList();
        broken.Single(r => r["aktivitets-id"] == Id(plan.Ids[2]))["status"] = "klar";
        var refused = await JsonAsync(await api.PostAsync($"{plan.Api}/followup/T1/import", Csv(broken)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Rad 4, kolumnen status", refused.GetProperty("detail").GetString());
        Assert.Equal(before, await RoundStatusesAsync(plan));

        var imported = await JsonAsync(await api.PostAsync($"{plan.Api}/followup/T1/import", Csv(edited)), HttpStatusCode.OK);
        Assert.Equal(1, imported.GetProperty("changed").GetInt32());
        var after = await RoundStatusesAsync(plan);
        Assert.Equal((ActivityStatus.Done, "Ändrad i kalkylarket"), after[plan.Ids[1]]);
        Assert.Equal(before.Where(b => b.Key != plan.Ids[1]), after.Where(a => a.Key != plan.Ids[1]));
    }

    private Task<Dictionary<int, (ActivityStatus Status, string? Comment)>> RoundStatusesAsync(FollowUpTestPlan plan) =>
        app.WithDbAsync(async db => (await db.FollowUpEntries.Where(e => plan.Ids.Contains(e.ActivityId)).ToListAsync())
            .ToDictionary(e => e.ActivityId, e => (e.Status, e.Comment)));

    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!.Select(h => h.TrimStart('\uFEFF')).ToArray();
        while (await csv.ReadAsync())
        {
            rows.Add(headers.Select((h, i) => (h, csv.GetField(i) ?? "")).ToDictionary(x => x.h, x => x.Item2));
        }
        return rows;
    }

    private static StringContent Csv(List<Dictionary<string, string>> rows)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var header in rows[0].Keys)
            {
                csv.WriteField(header);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row.Values)
                {
                    csv.WriteField(value);
                }
                csv.NextRecord();
            }
        }
        return new StringContent(text.ToString(), Encoding.UTF8, "text/csv");
    }
}
