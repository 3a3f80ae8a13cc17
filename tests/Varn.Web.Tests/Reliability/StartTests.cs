using System.Net;
using System.Text.RegularExpressions;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Reliability;

/// <summary>
/// Värn listens while its database is being brought up to date (ADR 0027). A request that arrives then is held until
/// the database is ready: it is neither refused nor answered from a half-made database. A database that cannot be
/// brought up ends the process, rather than leaving it listening with every request held.
/// </summary>
public partial class StartTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("varn-start-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task APageRequestedWhileANewDemoDatabaseIsBeingFilled_IsAnsweredWithAllOfItsData()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Varn"] = $"Data Source={Path.Combine(folder, "varn.db")}",
            ["Varn__Demo"] = "true",
            ["Varn__Retention__Enabled"] = "false",
            ["Varn__Email__Mode"] = "Disabled",
            ["Logging__LogLevel__Varn.Startup"] = "Information",
        };
        await using var server = await AppProcess.ListeningAsync(environment);
        var loadedBeforeTheRequest = server.Output.Any(line => line.Contains(SeedPlansLoaded, StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(90) };

        var held = await client.GetAsync("/offentligt");
        var afterwards = await client.GetAsync("/offentligt");

        Assert.False(loadedBeforeTheRequest, "The port should accept connections before the seed plans are in, so that the request arrives while they are being loaded.");
        // The line is there by now (the console logger writes from a thread of its own): its absence above meant something.
        for (var waited = 0; !server.Output.Any(line => line.Contains(SeedPlansLoaded, StringComparison.Ordinal)) && waited < 100; waited++)
        {
            await Task.Delay(50);
        }
        Assert.Contains(server.Output, line => line.Contains(SeedPlansLoaded, StringComparison.Ordinal));
        Assert.DoesNotContain(server.Output, line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var plans = PlanLinks().Matches(await held.Content.ReadAsStringAsync()).Select(link => link.Value).ToList();
        Assert.NotEmpty(plans);
        Assert.Equal(PlanLinks().Matches(await afterwards.Content.ReadAsStringAsync()).Select(link => link.Value), plans);
    }

    [Fact]
    public async Task AStartOnADatabaseThatCannotBeReached_EndsTheProcessWithTheReason_InsteadOfHoldingRequests()
    {
        var unreachable = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Varn"] = "Host=127.0.0.1;Port=1;Username=varn;Timeout=5",
        };

        var (code, output, errors) = await AppProcess.CommandAsync(unreachable, "", "--urls", "http://127.0.0.1:0");

        Assert.NotEqual(0, code);
        Assert.Contains("127.0.0.1:1", output + errors);
    }

    /// <summary>The information line the start logs once the demo data's seed plans are stored (AppStartup).</summary>
    private const string SeedPlansLoaded = "seed plans loaded";

    [GeneratedRegex("""href="/offentligt/[^"/]+/\d+""")]
    private static partial Regex PlanLinks();
}
