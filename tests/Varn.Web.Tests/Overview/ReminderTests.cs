using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.FollowUp;
using Varn.Core.Overview;
using Varn.Web.Tests.FollowUp;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Overview;

/// <summary>Reminders (issue 16, C18): a round coming due writes one reminder per person to the outbox, once; each person sees theirs.</summary>
public class ReminderTests : IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("varn-pickup-").FullName;
    private readonly VarnFactory app;

    public ReminderTests() => app = new VarnFactory(settings: new Dictionary<string, string>
    {
        ["Varn:Email:Mode"] = "Pickup", ["Varn:Email:PickupDirectory"] = pickup, ["Varn:Email:PollSeconds"] = "3600",
        ["Varn:Email:PublicUrl"] = "https://varn.stad.example",
    });

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(pickup, recursive: true);
    }

    [Fact]
    public async Task ARoundComingDue_RemindsTheUnitManagerAndTheCoordinatorOnce_AndASecondRunSendsNothing()
    {
        var plan = await FollowUpTestPlan.CreateAsync(app);
        var coordinator = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"{plan.Api}/followup", new { round = "T1" })).StatusCode);
        // The central coordinator has set T1 of that year due in three days.
        await app.WithServicesAsync(async s =>
        {
            await s.GetRequiredService<FollowUpRounds>().SetDueDatesAsync(plan.Year, new Dictionary<RoundKind, DateOnly> { [RoundKind.T1] = app.Clock.Today().AddDays(3) });
            return 0;
        });
        var before = await app.WithDbAsync(db => db.Outbox.Select(m => m.Id).ToListAsync());

        await app.WithServicesAsync(s => s.GetRequiredService<Reminders>().RunAsync());
        var messages = await app.WithDbAsync(db => db.Outbox.Where(m => !before.Contains(m.Id) && m.Kind == "reminder.round").ToListAsync());
        var expected = new[] { TestAccounts.SkarholmenUnitManager, TestAccounts.SkarholmenCoordinator };
        Assert.Equal(expected.Order(), messages.Select(m => m.Recipient).Order());
        Assert.All(messages, m => Assert.Contains($"https://varn.stad.example{plan.Page}/uppfoljning/T1", m.Body));

        Assert.Equal(0, await app.WithServicesAsync(s => s.GetRequiredService<Reminders>().RunAsync()));
        Assert.Equal(messages.Count, await app.WithDbAsync(db => db.Outbox.CountAsync(m => !before.Contains(m.Id) && m.Kind == "reminder.round")));

        // The pickup sender writes them as mail: one to each person.
        await app.WithServicesAsync(s => s.GetRequiredService<Varn.Core.Email.OutboxSender>().SendDueAsync(CancellationToken.None));
        var mails = Directory.GetFiles(pickup, "*.eml").Select(File.ReadAllText).Where(m => m.Contains("uppfoljning/T1", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Length, mails.Count);
        Assert.All(expected, email => Assert.Single(mails, m => m.Contains(email, StringComparison.Ordinal)));

        var account = await (await app.SignedInAsync(TestAccounts.SkarholmenUnitManager)).GetPageAsync("/konto");
        Assert.Contains("tertial 1", account.QuerySelector("main")!.TextContent);
        var employee = await (await app.SignedInAsync(TestAccounts.SkarholmenEmployee)).GetPageAsync("/konto");
        Assert.Contains("inte skickat dig några påminnelser", employee.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task APlanNotApprovedAsTheSetDateNears_RemindsItsCouncilsCoordinators_NotThoseWhosePlanIsApproved()
    {
        // The central coordinator sets next year's plans to be approved in five days, on the due-dates page.
        var year = app.Clock.Today().Year + 1;
        var central = await app.SignedInAsync(TestAccounts.Central);
        var form = await central.GetPageAsync($"/uppfoljning/datum?year={year}");
        var saved = await central.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Approved"] = app.Clock.Today().AddDays(5).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Kungsholmen's plan of that year is approved; Skärholmen has none.
        await FollowUpTestPlan.CreateAsync(app);
        await app.WithDbAsync(db => db.Plans.Where(p => p.Council!.Short == "skarholmen" && p.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CouncilId, db.Councils.Single(c => c.Short == "kungsholmen").Id)));

        await app.WithServicesAsync(s => s.GetRequiredService<Reminders>().RunAsync());
        var recipients = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == "reminder.plan").Select(m => m.Recipient).ToListAsync());
        Assert.Contains(TestAccounts.SkarholmenCoordinator, recipients);
        Assert.DoesNotContain(TestAccounts.KungsholmenCoordinator, recipients);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
        Assert.Equal(0, await app.WithServicesAsync(s => s.GetRequiredService<Reminders>().RunAsync()));
    }
}
