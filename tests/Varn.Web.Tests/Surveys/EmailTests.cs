using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Email;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Surveys;

/// <summary>The outbox through a real SMTP server: invitations arrive with their links; a server that is down is retried, then given up.</summary>
public class EmailTests
{
    [Fact]
    public async Task InvitationAndReminder_ArriveThroughSmtp_EachWithAWorkingLink()
    {
        using var smtp = new SmtpServer();
        using var app = new VarnFactory(settings: Smtp(smtp.Port));
        var coordinator = await app.ApiClientAsync(TestAccounts.KungsholmenCoordinator);
        var created = await coordinator.PostAsync($"/api/v1/surveys/kungsholmen/{app.Clock.Today().Year}", Json(new
        {
            closes = app.Clock.Today().AddDays(7).ToString("yyyy-MM-dd"),
            recipients = new[] { new { name = "Föreningen Prov", kind = "external", email = "ordforande@example.org" } },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(1, await SendAsync(app));
        var invitation = Assert.Single(smtp.Messages());
        Assert.Equal("ordforande@example.org", invitation.To.Mailboxes.Single().Address);
        Assert.StartsWith("Enkät om våldsbejakande extremism", invitation.Subject);
        var link = LinkIn(invitation);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(new Uri(link).PathAndQuery)).StatusCode);

        var coordinatorPage = await app.SignedInAsync(TestAccounts.KungsholmenCoordinator);
        var round = await coordinatorPage.GetPageAsync($"/enkater/kungsholmen/{app.Clock.Today().Year}");
        var reminded = await coordinatorPage.SubmitAsync(round.Form("form[action*=Remind]"));
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        Assert.Equal(1, await SendAsync(app));
        var reminder = smtp.Messages().Single(m => m.Subject?.StartsWith("Påminnelse", StringComparison.Ordinal) == true);
        var newLink = LinkIn(reminder);
        Assert.NotEqual(link, newLink);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(new Uri(newLink).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task ServerDown_MessageIsRetriedLater_ThenGivenUpWithItsLinkRemoved_AndTheAdministratorSeesWhy()
    {
        using var app = new VarnFactory(settings: new Dictionary<string, string>(Smtp(SmtpServer.FreePort())) { ["Varn:Email:MaxAttempts"] = "2" });
        var coordinator = await app.ApiClientAsync(TestAccounts.KungsholmenCoordinator);
        await coordinator.PostAsync($"/api/v1/surveys/kungsholmen/{app.Clock.Today().Year}", Json(new
        {
            closes = app.Clock.Today().AddDays(7).ToString("yyyy-MM-dd"),
            recipients = new[] { new { name = "Föreningen Prov", kind = "external", email = "ordforande@example.org" } },
        }));

        Assert.Equal(0, await SendAsync(app));
        var waiting = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal((OutboxState.Pending, 1), (waiting.State, waiting.Attempts));
        Assert.NotNull(waiting.LastError);
        Assert.Equal(0, await SendAsync(app));
        Assert.Equal(1, (await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync())).Attempts);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await SendAsync(app));

        var failed = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal((OutboxState.Failed, 2, (string?)null), (failed.State, failed.Attempts, failed.Body));
        var admin = await app.SignedInAsync(TestAccounts.Admin);
        var outbox = await admin.GetPageAsync("/admin/utkorg");
        Assert.Contains("Misslyckades", outbox.QuerySelector("tbody")!.TextContent);
        Assert.Contains("ordforande@example.org", outbox.QuerySelector("tbody")!.TextContent);
    }

    private static string LinkIn(MimeKit.MimeMessage message) =>
        (message.TextBody ?? "").Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/enkat/", StringComparison.Ordinal));

    private static Dictionary<string, string> Smtp(int port) => new()
    {
        ["Varn:Email:Mode"] = "Smtp",
        ["Varn:Email:Smtp:Host"] = "127.0.0.1",
        ["Varn:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Varn:Email:PollSeconds"] = "3600",
    };

    private static Task<int> SendAsync(VarnFactory app) => app.WithServicesAsync(s => s.GetRequiredService<OutboxSender>().SendDueAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token));

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
