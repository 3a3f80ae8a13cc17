using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Audit;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using Varn.Web.Startup;
using Varn.Web.Tests.Cli;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Reliability;

/// <summary>
/// A backup taken while reports are being written, restored into an empty database: the same plans, reports, kept
/// counts and accounts as the backup, and an audit chain that verifies. SQLite through <c>backup</c>/<c>restore</c>,
/// PostgreSQL through <c>pg_dump</c>/<c>pg_restore</c> as the README gives them.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public class BackupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("varn-backup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed record Contents(int Plans, int Activities, int Reports, int Counted, int Accounts, int AuditRows);

    private static Task<Contents> ContentsAsync(VarnDbContext db) => Task.Run(async () => new Contents(
        await db.Plans.CountAsync(), await db.Activities.CountAsync(), await db.Reports.CountAsync(), await db.ReportTallies.SumAsync(t => t.Count),
        await db.Users.CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task Sqlite_BackupWhileWriting_RestoresIntoAnEmptyDatabase_WithTheSameContentAndAVerifyingChain()
    {
        using var app = new VarnFactory();
        var file = Path.Combine(folder, "varn-backup.db");
        var acknowledged = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();
        var writers = await StartWritersAsync(app, acknowledged, stop.Token);
        await Task.Delay(300);
        var beforeBackup = acknowledged.ToHashSet();

        var (code, backupOutput) = await app.RunAsync("backup", "-o", file);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var (again, againOutput) = await app.RunAsync("backup", "-o", file);

        Assert.True(code == 0, backupOutput);
        Assert.Contains("Granskningsloggen är obruten", backupOutput);
        Assert.Equal(1, again);
        Assert.Contains("finns redan", againOutput);

        using var restored = VarnFactory.Empty();
        var (restoreCode, restoreOutput) = await restored.RunAsync("restore", file);
        Assert.True(restoreCode == 0, restoreOutput);

        var backupOptions = new DbContextOptionsBuilder<VarnDbContext>();
        DatabaseSetup.Configure(backupOptions, DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
        await using var backup = new VarnDbContext(backupOptions.Options);
        var inBackup = await ContentsAsync(backup);
        var storedIds = await restored.WithDbAsync(db => db.Reports.Select(r => r.Id).ToListAsync());
        Assert.Equal(inBackup, await restored.WithDbAsync(ContentsAsync));
        Assert.Equal(await app.WithDbAsync(db => db.Plans.CountAsync()), inBackup.Plans);
        Assert.Subset(storedIds.ToHashSet(), beforeBackup);
        Assert.True((await restored.WithDbAsync(db => AuditLog.VerifyAsync(db))).Intact);

        var (refused, refusedOutput) = await app.RunAsync("restore", file);
        Assert.Equal(1, refused);
        Assert.Contains("har redan planer, rapporter eller konton", refusedOutput);
    }

    [Fact]
    public async Task Sqlite_Restore_RefusesAFileThatIsNoBackup_AndChangesNothing()
    {
        using var restored = VarnFactory.Empty();
        var file = Path.Combine(folder, "not-a-backup.db");
        await File.WriteAllTextAsync(file, "detta är ingen databas");

        var (code, output) = await restored.RunAsync("restore", file);

        Assert.Equal(1, code);
        Assert.Contains("ingen säkerhetskopia av Värn", output);
        Assert.Equal(0, await restored.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task Postgres_DumpWhileWriting_RestoresIntoAnEmptyDatabase_WithTheSameContentAndAVerifyingChain()
    {
        using var app = await VarnFactory.OnAsync(DatabaseProvider.Postgres);
        var connection = app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Varn")!;
        var dump = Path.Combine(folder, "varn.dump");
        var acknowledged = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();
        var writers = await StartWritersAsync(app, acknowledged, stop.Token);
        await Task.Delay(300);
        var beforeDump = acknowledged.ToHashSet();

        await PgAsync("pg_dump", connection, "-Fc", "-f", dump);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var empty = await Postgres.CreateDatabaseAsync();
        await PgAsync("pg_restore", empty, "--no-owner", dump);

        using var restored = new VarnFactory(demo: false, postgresConnectionString: empty);
        var contents = await restored.WithDbAsync(ContentsAsync);
        var storedIds = (await restored.WithDbAsync(db => db.Reports.Select(r => r.Id).ToListAsync())).ToHashSet();
        Assert.Equal(await app.WithDbAsync(db => db.Plans.CountAsync()), contents.Plans);
        Assert.Subset(storedIds, beforeDump);
        Assert.True((await restored.WithDbAsync(db => AuditLog.VerifyAsync(db))).Intact);
        var (code, output) = await restored.RunAsync("backup", "-o", Path.Combine(folder, "x.db"));
        Assert.Equal(2, code);
        Assert.Contains("pg_dump", output);
    }

    /// <summary>Four API clients filing reports until stopped; the ids of those acknowledged with 201 are collected.</summary>
    private static async Task<List<Task>> StartWritersAsync(VarnFactory app, ConcurrentBag<int> acknowledged, CancellationToken stop)
    {
        var client = await app.ApiClientAsync(TestAccounts.SkarholmenEmployee);
        return Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var body = $$"""{"month":"2025-06","council":"skarholmen","placeType":"school","categories":["graffiti"],"environment":"rightWing","source":"ownOperation","description":"Rapport {{i}} från skrivare {{writer}} under säkerhetskopieringen."}""";
                using var response = await client.PostAsync("/api/v1/reports", new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken.None);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
                acknowledged.Add(created.RootElement.GetProperty("id").GetInt32());
            }
        })).ToList();
    }

    /// <summary>Runs pg_dump or pg_restore of the test server's PostgreSQL against a database, as the README shows.</summary>
    private static async Task PgAsync(string tool, string connection, params string[] arguments)
    {
        var target = new NpgsqlConnectionStringBuilder(connection);
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.Parse(Path.GetFileName(d))).Select(d => Path.Combine(d, "bin", tool)).LastOrDefault(File.Exists)
            ?? tool;
        var info = new ProcessStartInfo(bin, ["-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", target.Username!, "-d", target.Database!, .. arguments])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {errors}");
    }
}
