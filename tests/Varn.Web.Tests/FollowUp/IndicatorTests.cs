using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Competence;
using Varn.Core.Forums;
using Varn.Core.Reports;
using Varn.Core.Surveys;
using Varn.Web.Tests.Infrastructure;
using static Varn.Web.Tests.FollowUp.FollowUpTestPlan;

namespace Varn.Web.Tests.FollowUp;

/// <summary>The five computed indicators (C17) against a hand count of the test's own data, and suppressed where their source is.</summary>
public class IndicatorTests : IDisposable
{
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task TheFiveComputedIndicators_EqualAHandCount_AndAReaderSeesTheSmallReportCountHidden()
    {
        var plan = await CreateAsync(app);
        var year = plan.Year;
        var council = await app.WithDbAsync(db => db.Councils.SingleAsync(c => c.Short == Council));
        var unitNames = await app.WithDbAsync(db => db.Units.Where(u => u.CouncilId == council.Id).OrderBy(u => u.Id).Select(u => u.Name).Take(4).ToListAsync());

        // Training: 30 of 40 and 5 of 10 completed → 35 of 50 = 70 %.
        await app.WithDbAsync(async db =>
        {
            var units = await db.Units.Where(u => u.CouncilId == council.Id).OrderBy(u => u.Id).Take(2).ToListAsync();
            var course = await db.Courses.OrderBy(c => c.Id).FirstAsync();
            db.Completions.AddRange(
                new Completion { UnitId = units[0].Id, CourseId = course.Id, Year = year, Staff = 40, Completed = 30 },
                new Completion { UnitId = units[1].Id, CourseId = course.Id, Year = year, Staff = 10, Completed = 5 });
            // Forum meetings of the year: by 30 April 1 of 2 had VBE, by 31 August 2 of 3, in the year 3 of 4.
            var forum = new Forum { CouncilId = council.Id, Name = "Prövningsforum", Kind = ForumKind.Tsr, Frequency = "4 ggr/år" };
            db.Forums.Add(forum);
            await db.SaveChangesAsync();
            db.ForumMeetings.AddRange(
                new ForumMeeting { ForumId = forum.Id, Date = new DateOnly(year, 2, 1), VbeOnAgenda = true },
                new ForumMeeting { ForumId = forum.Id, Date = new DateOnly(year, 4, 30), VbeOnAgenda = false },
                new ForumMeeting { ForumId = forum.Id, Date = new DateOnly(year, 6, 1), VbeOnAgenda = true },
                new ForumMeeting { ForumId = forum.Id, Date = new DateOnly(year, 10, 1), VbeOnAgenda = true },
                new ForumMeeting { ForumId = forum.Id, Date = new DateOnly(year - 1, 10, 1), VbeOnAgenda = false });
            // Relevant reports: 2 in Q1, 3 in Q2, 1 in Q3; 5 not relevant ones that do not count.
            db.ReportTallies.AddRange(
                Tally(council.Id, year, 1, Assessment.Relevant, 2), Tally(council.Id, year, 2, Assessment.Relevant, 3),
                Tally(council.Id, year, 3, Assessment.Relevant, 1), Tally(council.Id, year, 1, Assessment.NotRelevant, 5));
            await db.SaveChangesAsync();
            return 0;
        });

        // The survey: three units answer yes to "sufficient knowledge", one no → 75 %.
        await app.WithServicesAsync(async services =>
        {
            var (round, links, errors) = await services.GetRequiredService<SurveyRounds>().InviteAsync(
                council, year, app.Clock.Today().AddDays(5).ToString("yyyy-MM-dd"),
                unitNames.Select(name => new RecipientInput(name, "unit", null)).ToList(), "http://localhost");
            Assert.True(round is not null, string.Join(" ", errors.Values));
            var answering = services.GetRequiredService<SurveyAnswering>();
            foreach (var (link, i) in links.Select((l, i) => (l, i)))
            {
                var response = new SurveyResponse(new Dictionary<string, string> { ["sufficientKnowledge"] = i < 3 ? "yes" : "no" }, new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, int>(), null);
                Assert.Equal(LinkState.Open, await answering.AnswerAsync(link.Url[(link.Url.LastIndexOf('/') + 1)..], response));
            }
            await services.GetRequiredService<SurveyRounds>().CloseAsync(round!);
            return 0;
        });

        // Activities on time: at T1 the March one is done (1 of 1); at T2 it is done and the spring one still ongoing (1 of 2);
        // for the year there is no round, so the plan's status counts: done, ongoing, planned (1 of 3).
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        foreach (var round in new[] { "T1", "T2" })
        {
            await JsonAsync(await OpenAsync(api, plan, round), HttpStatusCode.Created);
            await JsonAsync(await PutAsync(api, plan, round, new object[]
            {
                new { id = plan.Ids[1], status = "done", comment = "Klar" },
                new { id = plan.Ids[0], status = "ongoing", comment = "Pågår" },
            }), HttpStatusCode.OK);
            await JsonAsync(await api.PostAsync($"{plan.Api}/followup/{round}/submit", null), HttpStatusCode.OK);
        }

        var population = council.Population!.Value;
        decimal Rate(int reports) => Math.Round(10_000m * reports / population, 1);
        var expected = new Dictionary<string, decimal?[]>
        {
            ["trainingCompletion"] = [70, 70, 70],
            ["forumVbeShare"] = [50, 67, 75],
            ["surveySufficientKnowledge"] = [75, 75, 75],
            ["reportsPerTenThousand"] = [Rate(2), Rate(5), Rate(6)],
            ["activitiesOnTime"] = [100, 50, 33],
        };
        var indicators = await JsonAsync(await api.GetAsync($"{plan.Api}/indicators"), HttpStatusCode.OK);
        var computed = indicators.EnumerateArray().Where(i => i.GetProperty("computed").ValueKind == JsonValueKind.String)
            .ToDictionary(i => i.GetProperty("computed").GetString()!);
        Assert.Equal(expected.Keys.Order(), computed.Keys.Order());
        foreach (var (code, values) in expected)
        {
            var actual = new[] { "t1", "t2", "year" }.Select(p => computed[code].GetProperty(p).GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : (decimal?)null).ToArray();
            Assert.True(values.SequenceEqual(actual), $"{code}: expected {string.Join(", ", values)}, got {string.Join(", ", actual)}");
        }

        // The reader sees the plan's indicators with the two relevant reports of T1 hidden, as the situation picture hides them.
        var reader = await app.ApiClientAsync(TestAccounts.SkarholmenReader);
        var seen = await JsonAsync(await reader.GetAsync($"{plan.Api}/indicators"), HttpStatusCode.OK);
        var reports = seen.EnumerateArray().Single(i => i.GetProperty("computed").GetString() == "reportsPerTenThousand");
        Assert.True(reports.GetProperty("t1").GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reports.GetProperty("t1").GetProperty("value").ValueKind);
        Assert.Equal(Rate(5), reports.GetProperty("t2").GetProperty("value").GetDecimal());

        var page = await (await app.SignedInAsync(TestAccounts.SkarholmenReader)).GetPageAsync($"{plan.Page}/indikatorer");
        Assert.Contains("färre än", page.QuerySelector("main table")!.TextContent);
    }

    [Fact]
    public async Task ATypedIndicator_IsSavedWithItsValues_ABadNumberOrAPhoneNumberIsRefusedByField()
    {
        var plan = await CreateAsync(app);
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var form = await coordinator.GetPageAsync($"{plan.Page}/indikatorer/ny");
        var refused = await coordinator.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Antal föräldramöten", ["Input.Kind"] = "output", ["Input.T1"] = "tolv", ["Input.Comment"] = "Ring 070-123 45 67",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await Html.ParseAsync(refused);
        Assert.NotNull(errors.QuerySelector("#Input_T1[aria-invalid=true]"));
        Assert.NotNull(errors.QuerySelector("#Input_Comment[aria-invalid=true]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Indicators.CountAsync()));

        var saved = await coordinator.SubmitAsync((await coordinator.GetPageAsync($"{plan.Page}/indikatorer/ny")).Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Antal föräldramöten", ["Input.Kind"] = "output", ["Input.Unit"] = "antal", ["Input.Baseline"] = "2", ["Input.Target"] = "6",
            ["Input.T1"] = "1", ["Input.T2"] = "3,5", ["Input.Year"] = "5", ["Input.Source"] = "Verksamhetens egen räkning",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var typed = (await JsonAsync(await api.GetAsync($"{plan.Api}/indicators"), HttpStatusCode.OK)).EnumerateArray().Single(i => i.GetProperty("name").GetString() == "Antal föräldramöten");
        Assert.Equal(JsonValueKind.Null, typed.GetProperty("computed").ValueKind);
        Assert.Equal(3.5m, typed.GetProperty("t2").GetProperty("value").GetDecimal());
        Assert.Equal(6m, typed.GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task ANegativeValue_ShownInTheEditFormWithTheSwedishMinusSign_IsSavedAgainUnchanged()
    {
        var plan = await CreateAsync(app);
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var saved = await coordinator.SubmitAsync((await coordinator.GetPageAsync($"{plan.Page}/indikatorer/ny")).Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Förändring i antal orosanmälningar", ["Input.Kind"] = "output", ["Input.T1"] = "-1,5",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await app.WithDbAsync(db => db.Indicators.Select(i => i.Id).SingleAsync());

        var edit = await coordinator.GetPageAsync($"{plan.Page}/indikatorer/{id}");
        Assert.Equal("\u22121,5", edit.QuerySelector("#Input_T1")!.GetAttribute("value"));
        var again = await coordinator.SubmitAsync(edit.Form(), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(-1.5m, await app.WithDbAsync(db => db.Indicators.Select(i => i.T1).SingleAsync()));
    }

    private static ReportTally Tally(int council, int year, int quarter, Assessment assessment, int count) => new()
    {
        CouncilId = council, Year = year, Quarter = quarter, Environment = ExtremistEnvironment.RightWing, Assessment = assessment, Count = count,
        PlaceType = PlaceType.School, Source = ReportSource.OwnOperation,
    };
}
