using System.Net;
using Varn.Core.Plans;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Pages.Plans;

/// <summary>Editing a draft plan through its real forms: activities, sections, order, stage, conflicts.</summary>
public abstract class EditingTests(DatabaseProvider database) : DataTests(database)
{
    private string planPath = "";

    protected override async Task ArrangeAsync()
    {
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var page = await client.GetPageAsync("/planer/ny");
        var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Council"] = "kungsholmen", ["Input.Year"] = "2027" });
        planPath = response.Location();
    }

    [Fact]
    public async Task NewPlan_StartsAsDraftWithTheCityTemplateTexts()
    {
        Assert.Equal("/planer/kungsholmen/2027", planPath);
        var plan = await App.WithDbAsync(db => db.Plans.Include(p => p.Sections).Include(p => p.StageChanges).SingleAsync(p => p.Council!.Short == "kungsholmen" && p.Year == 2027));

        Assert.Equal(PlanStage.Draft, plan.Stage);
        Assert.Equal("Kungsholmens stadsdelsnämnds handlingsplan mot våldsbejakande extremism 2027", plan.Title);
        Assert.Contains("Den lokala samordnaren ansvarar för att:", plan.Sections.Single(s => s.Key == SectionKey.Responsibility).Text);
        Assert.Single(plan.StageChanges);
    }

    [Fact]
    public async Task NewPlan_ForAnExistingYear_IsRefusedOnTheField()
    {
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var page = await client.GetPageAsync("/planer/ny");

        var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Council"] = "kungsholmen", ["Input.Year"] = "2027" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await Html.ParseAsync(response);
        Assert.Contains("har redan en plan för 2027", result.QuerySelector("#Input_Year-error")!.TextContent);
        Assert.Equal("Input_Year-error", result.QuerySelector("#Input_Year")!.GetAttribute("aria-describedby"));
        Assert.Equal("#Input_Year", result.QuerySelector(".error-summary a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AddActivity_ParsesItsScheduleAndShowsItInItsTable()
    {
        var id = await AddActivityAsync("Utbilda chefer om otillåten påverkan", "HT 2027");

        var activity = await App.WithDbAsync(db => db.Activities.SingleAsync(a => a.Id == id));
        Assert.Equal(ActivityArea.Competence, activity.Area);
        Assert.Equal(new DateOnly(2027, 8, 1), activity.ScheduleStart);
        Assert.Equal(new DateOnly(2027, 12, 31), activity.ScheduleEnd);
        var page = await (await App.SignedInAsync(TestAccounts.KungsholmenCoordinator)).GetPageAsync(planPath);
        Assert.Contains("Utbilda chefer om otillåten påverkan", page.QuerySelector("#aktiviteter-competence")!.TextContent);
    }

    [Fact]
    public async Task AddActivity_WithoutText_IsRefusedAndNothingStored()
    {
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var page = await client.GetPageAsync($"{planPath}/aktiviteter/ny?omrade=prevention");

        var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Text"] = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Beskriv aktiviteten.", (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(0, await App.WithDbAsync(db => db.Activities.CountAsync(a => a.Plan!.Year == 2027)));
    }

    [Fact]
    public async Task TwoPeopleSavingTheSameActivity_TheSecondGetsAConflictAndTheFirstChangeSurvives()
    {
        var id = await AddActivityAsync("Informera medarbetare om symboler", "2027");
        var first = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var second = await App.SignedInAsync(TestAccounts.Central);
        var firstForm = (await first.GetPageAsync($"{planPath}/aktiviteter/{id}")).Form();
        var secondForm = (await second.GetPageAsync($"{planPath}/aktiviteter/{id}")).Form();

        var saved = await first.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Text"] = "Informera alla medarbetare om symboler" });
        var conflict = await second.SubmitAsync(secondForm, new Dictionary<string, string> { ["Input.Text"] = "Informera chefer om symboler" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ParseAsync(conflict);
        Assert.Contains("Någon annan har sparat ändringar i aktiviteten", page.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("Informera alla medarbetare om symboler", page.QuerySelector(".notice--conflict")!.TextContent);
        Assert.Equal("Informera alla medarbetare om symboler", await App.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Text).SingleAsync()));
    }

    [Fact]
    public async Task ScriptInSectionAndActivityText_IsShownAsTextNeverRun()
    {
        var id = await AddActivityAsync("<script>alert('aktivitet')</script><img src=x onerror=alert(1)>", "2027");
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var section = await client.GetPageAsync($"{planPath}/avsnitt/introduction");
        await client.SubmitAsync(section.Form(), new Dictionary<string, string>
        {
            ["Input.Text"] = "Inledning <script>alert('avsnitt')</script> och [länk](javascript:alert(2)) samt <b onmouseover=alert(3)>fet</b>",
        });

        var response = await client.GetAsync(planPath);
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(page.QuerySelectorAll("main img"));
        Assert.Empty(page.QuerySelectorAll("main [onmouseover], main [onerror]"));
        Assert.DoesNotContain("javascript:", page.QuerySelector("#avsnitt-introduction")!.ParentElement!.ParentElement!.InnerHtml);
        Assert.Contains("&lt;script&gt;alert('avsnitt')&lt;/script&gt;", html);
        Assert.Contains("<script>alert('aktivitet')</script><img src=x onerror=alert(1)>", page.QuerySelector($"#aktivitet-{id} th")!.TextContent);
    }

    [Fact]
    public async Task StatusComment_WithPersonalData_IsRefusedAndNothingStored()
    {
        var id = await AddActivityAsync("Informera om stödlinjer", "2027");
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var page = await client.GetPageAsync($"{planPath}/aktiviteter/{id}");

        var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Status"] = "ongoing", ["Input.StatusComment"] = "Kontaktperson nås på 070-174 06 21." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ett telefonnummer", (await Html.ParseAsync(response)).QuerySelector("#Input_StatusComment-error")!.TextContent);
        var stored = await App.WithDbAsync(db => db.Activities.SingleAsync(a => a.Id == id));
        Assert.Equal((ActivityStatus.Planned, (string?)null), (stored.Status, stored.StatusComment));
    }

    [Fact]
    public async Task MoveUp_SwapsTheActivityWithTheOneAbove()
    {
        var firstId = await AddActivityAsync("Första", "2027");
        var secondId = await AddActivityAsync("Andra", "2027");
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var page = await client.GetPageAsync(planPath);

        var moveUp = page.QuerySelectorAll($"#aktivitet-{secondId} form").First();
        var moved = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)moveUp, submitter: (AngleSharp.Html.Dom.IHtmlElement)moveUp.QuerySelector("button")!);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var order = await App.WithDbAsync(db => db.Activities.Where(a => a.Plan!.Year == 2027 && a.Area == ActivityArea.Competence).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync());
        Assert.Equal([secondId, firstId], order);
    }

    [Fact]
    public async Task DecidedPlan_IsReadOnlyExceptForStatus()
    {
        var id = await AddActivityAsync("Kompetenshöja förtroendevalda", "2027");
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var editForm = (await client.GetPageAsync($"{planPath}/aktiviteter/{id}")).Form();

        await ChangeStageAsync("consultation");
        var missingDecision = await ChangeStageAsync("decided");
        Assert.Equal(HttpStatusCode.BadRequest, missingDecision.StatusCode);
        Assert.Contains("Ange nämndens diarienummer", (await Html.ParseAsync(missingDecision)).QuerySelector(".error-summary")!.TextContent);
        var decided = await ChangeStageAsync("decided", ("Input.Diarienummer", "1.2.3-45/2027"), ("Input.DecidedOn", "2027-02-20"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var refused = await client.SubmitAsync(editForm, new Dictionary<string, string> { ["Input.Text"] = "Ändrad efter beslut" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("är låst", (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Kompetenshöja förtroendevalda", await App.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Text).SingleAsync()));

        var statusForm = (await client.GetPageAsync($"{planPath}/aktiviteter/{id}")).Form();
        Assert.Null(statusForm.Elements["Input.Text"]);
        var followedUp = await client.SubmitAsync(statusForm, new Dictionary<string, string> { ["Input.Status"] = "ongoing", ["Input.StatusComment"] = "Infonämnd i mars." });
        Assert.Equal(HttpStatusCode.Redirect, followedUp.StatusCode);
        var stored = await App.WithDbAsync(db => db.Activities.SingleAsync(a => a.Id == id));
        Assert.Equal((ActivityStatus.Ongoing, "Infonämnd i mars.", "Kompetenshöja förtroendevalda"), (stored.Status, stored.StatusComment, stored.Text));

        var section = await client.GetPageAsync($"{planPath}/avsnitt/introduction");
        Assert.Empty(section.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task StageChanges_AreRecordedWithWhoAndWhen()
    {
        await ChangeStageAsync("consultation");
        await ChangeStageAsync("decided", ("Input.Diarienummer", "1.2.3-45/2027"), ("Input.DecidedOn", "2027-02-20"));
        var tooEarly = await ChangeStageAsync("approved", ("Input.ApprovedOn", "2027-01-01"));
        await ChangeStageAsync("approved", ("Input.ApprovedOn", "2027-03-15"));

        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        var plan = await App.WithDbAsync(db => db.Plans.Include(p => p.StageChanges).SingleAsync(p => p.Year == 2027));
        Assert.Equal(PlanStage.Approved, plan.Stage);
        Assert.Equal((new DateOnly(2027, 2, 20), new DateOnly(2027, 3, 15), "1.2.3-45/2027"), (plan.DecidedOn, plan.ApprovedOn, plan.Diarienummer));
        Assert.Equal([PlanStage.Draft, PlanStage.Consultation, PlanStage.Decided, PlanStage.Approved], plan.StageChanges.OrderBy(s => s.Id).Select(s => s.To));
        Assert.All(plan.StageChanges, s => Assert.False(string.IsNullOrEmpty(s.ChangedBy)));
    }

    private async Task<HttpResponseMessage> ChangeStageAsync(string to, params (string Field, string Value)[] fields)
    {
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var page = await client.GetPageAsync($"{planPath}/steg");
        var values = fields.ToDictionary(f => f.Field, f => f.Value);
        values["Input.To"] = to;
        return await client.SubmitAsync(page.Form(), values);
    }

    private async Task<int> AddActivityAsync(string text, string schedule)
    {
        var client = await App.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var page = await client.GetPageAsync($"{planPath}/aktiviteter/ny?omrade=competence");
        var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Text"] = text,
            ["Input.Responsible"] = "Preventionssamordnare",
            ["Input.Schedule"] = schedule,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Location().Split("#aktivitet-")[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class EditingOnSqliteTests() : EditingTests(DatabaseProvider.Sqlite);

public sealed class EditingOnPostgresTests() : EditingTests(DatabaseProvider.Postgres);
