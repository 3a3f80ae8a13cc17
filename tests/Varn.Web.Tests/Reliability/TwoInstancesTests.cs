using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Varn.Core.Email;
using Varn.Core.Reports;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Reliability;

/// <summary>Two instances of Värn on one database, as behind a load balancer: one session, one form, one audit chain, each job done once.</summary>
public class TwoInstancesTests : IDisposable
{
    private readonly string mail = Directory.CreateTempSubdirectory("varn-two-mail-").FullName;

    public void Dispose() => Directory.Delete(mail, recursive: true);

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task SignedInOnOne_IsSignedInOnTheOther_AndAFormFromOnePostsToTheOther(DatabaseProvider database)
    {
        using var first = await VarnFactory.OnAsync(database);
        using var second = first.SecondInstance();
        var jar = new CookieContainerHandler();
        var one = first.CreateDefaultClient(jar);
        var other = second.CreateDefaultClient(new CookieContainerHandler(jar.Container));

        var signIn = await one.SignInAsync(TestAccounts.SkarholmenEmployee, Core.Accounts.DemoAccounts.Password);
        var plansOnTheOther = await other.GetAsync("/planer");
        var form = await one.GetPageAsync("/rapportera");
        var posted = await other.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Month"] = "2024-03",
            ["Input.PlaceType"] = "school",
            ["Input.Environment"] = "rightWing",
            ["Input.Source"] = "ownOperation",
            ["Input.Description"] = "Klotter vid entrén, rapporterat genom den andra instansen.",
            ["Input.Categories"] = "graffiti",
        });

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plansOnTheOther.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, await second.WithDbAsync(db => db.Reports.CountAsync(r => r.Description == "Klotter vid entrén, rapporterat genom den andra instansen.")));
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task ConcurrentWritesThroughBoth_KeepTheAuditChain_AndEveryAcceptedReportIsStored(DatabaseProvider database)
    {
        using var first = await VarnFactory.OnAsync(database);
        using var second = first.SecondInstance();
        var clients = new[] { await first.ApiClientAsync(TestAccounts.SkarholmenEmployee), await second.ApiClientAsync(TestAccounts.SkarholmenEmployee) };
        var before = await first.WithDbAsync(db => db.Reports.CountAsync());

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var body = $$"""{"month":"2025-0{{1 + i % 9}}","council":"skarholmen","placeType":"school","categories":["graffiti"],"environment":"rightWing","source":"ownOperation","description":"Samtidig rapport nummer {{i}}."}""";
            return (await clients[i % 2].PostAsync("/api/v1/reports", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).StatusCode;
        })));
        var (code, verification) = await second.RunAsync("audit", "verify");

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(before + 40, await second.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.True(code == 0, verification);
    }

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task BackgroundJobs_RunOnce_NotOncePerInstance(DatabaseProvider database)
    {
        var settings = new Dictionary<string, string> { ["Varn:Email:Mode"] = "Pickup", ["Varn:Email:PickupDirectory"] = mail, ["Varn:Email:PollSeconds"] = "1" };
        using var first = await VarnFactory.OnAsync(database, settings: settings);
        using var second = first.SecondInstance();
        _ = second.Server;
        await first.WithServicesAsync(async services =>
        {
            var outbox = services.GetRequiredService<Outbox>();
            for (var i = 0; i < 30; i++)
            {
                outbox.Queue("test", $"mottagare{i}@varn.example", $"Meddelande {i}", "Ett meddelande som bara ska skickas en gång.");
            }
            return await services.GetRequiredService<VarnDbContext>().SaveChangesAsync();
        });

        // Both instances' senders run on their own timers; these calls race them and each other.
        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None))));
        var purges = await Task.WhenAll(new[] { first, second }.Select(app => Task.Run(() => app.Services.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None))));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await first.WithDbAsync(db => db.Outbox.CountAsync(m => m.State == OutboxState.Pending)) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        await Task.Delay(1500);

        var files = Directory.GetFiles(mail, "*.eml").Select(File.ReadAllText).ToList();
        Assert.All(Enumerable.Range(0, 30), i => Assert.Single(files, text => text.Contains($"mottagare{i}@varn.example", StringComparison.Ordinal)));
        Assert.Equal(30, await first.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == "test" && m.State == OutboxState.Sent)));
        Assert.True(sent.Sum() <= 30);
        Assert.Single(purges, purged => purged is not null);
        Assert.Single(await first.WithDbAsync(db => db.JobRuns.Where(r => r.Job == "retention").ToListAsync()));
    }
}
