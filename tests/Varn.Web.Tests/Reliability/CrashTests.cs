using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Audit;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Varn.Web.Tests.Reliability;

/// <summary>
/// Värn killed with SIGKILL under write load, again and again: every report it acknowledged (201) is there afterwards,
/// SQLite's integrity check is ok and the audit chain verifies. Three kills per database in the test run;
/// VARN_CRASH_KILLS=20 for the full form.
/// </summary>
public class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("varn-crash-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("VARN_CRASH_KILLS"), out var kills) ? kills : 3;

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task KilledUnderWriteLoad_KeepsEveryAcknowledgedReport_AndTheDatabaseAndChainHold(DatabaseProvider database)
    {
        var connection = database == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(folder, "varn.db")}" : await Postgres.CreateDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = database.ToString(),
            ["ConnectionStrings__Varn"] = connection,
            ["Varn__Retention__Enabled"] = "false",
            ["Varn__RateLimit__ReportsPerMinute"] = "100000000",
        };
        var (added, addOutput, addErrors) = await AppProcess.CommandAsync(environment, "krasch-prov-lösenord-2026",
            "users", "add", "--email", "krasch@varn.example", "--name", "Krasch Prov", "--role", "employee", "--council", "skarholmen", "--password-stdin");
        Assert.True(added == 0, addOutput + addErrors);
        var (tokenCode, tokenOutput, tokenErrors) = await AppProcess.CommandAsync(environment, "", "users", "token", "--email", "krasch@varn.example", "--name", "krasch");
        Assert.True(tokenCode == 0, tokenOutput + tokenErrors);
        var token = tokenOutput.Trim().Split('\n')[^1].Trim();

        var acknowledged = new ConcurrentBag<int>();
        var random = new Random();
        for (var kill = 1; kill <= Kills; kill++)
        {
            await using var server = await AppProcess.StartAsync(environment);
            using var client = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(() => WriteAsync(client, writer, acknowledged, stop.Token))).ToList();
            // Killed in the middle of the load: once writes are being acknowledged, after a random while.
            var started = acknowledged.Count;
            for (var waited = 0; acknowledged.Count == started && waited < 300; waited++)
            {
                await Task.Delay(50);
            }
            await Task.Delay(random.Next(100, 1200));
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            output.WriteLine($"Kill {kill}: {acknowledged.Count} reports acknowledged so far.");
        }

        var options = new DbContextOptionsBuilder<VarnDbContext>();
        DatabaseSetup.Configure(options, database, connection);
        await using var db = new VarnDbContext(options.Options);
        var stored = (await db.Reports.Select(r => r.Id).ToListAsync()).ToHashSet();
        var verification = await AuditLog.VerifyAsync(db);

        Assert.True(acknowledged.Count > 0, "No report was acknowledged before the kills; the test proved nothing.");
        Assert.True(acknowledged.All(stored.Contains), $"Acknowledged but not stored: {string.Join(", ", acknowledged.Where(id => !stored.Contains(id)).Take(20))}");
        Assert.True(verification.Intact, verification.Message);
        if (database == DatabaseProvider.Sqlite)
        {
            Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
        }
    }

    private static async Task WriteAsync(HttpClient client, int writer, ConcurrentBag<int> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var body = $$"""{"month":"2025-05","council":"skarholmen","placeType":"school","categories":["graffiti"],"environment":"rightWing","source":"ownOperation","description":"Rapport {{i}} från skrivare {{writer}} under kraschprovet."}""";
            try
            {
                using var response = await client.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"), stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop));
                    acknowledged.Add(created.RootElement.GetProperty("id").GetInt32());
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                if (!stop.IsCancellationRequested)
                {
                    await Task.Delay(10, CancellationToken.None);
                }
            }
        }
    }
}
