using System.CommandLine;
using Microsoft.Data.Sqlite;
using Varn.Web.Startup;

namespace Varn.Web.Cli;

/// <summary>
/// <c>backup -o FILE</c> and <c>restore FILE</c> for the embedded SQLite database. A backup is SQLite's online backup of
/// the running database: one consistent snapshot, taken while the server goes on writing. PostgreSQL has its own tools
/// (<c>pg_dump</c>, <c>pg_restore</c>; README).
/// </summary>
public static class DatabaseCommands
{
    private const string UsePostgresTools = "Databasen är PostgreSQL: ta säkerhetskopior med pg_dump och återställ med pg_restore (README, Säkerhetskopior).";

    public static IEnumerable<Command> Create(IServiceProvider services)
    {
        var output = new Option<string>("-o", "--output") { Description = "Filen som säkerhetskopian skrivs till (får inte finnas)", Required = true };
        var backup = new Command("backup", "Ta en säkerhetskopia av SQLite-databasen medan Värn är igång") { output };
        backup.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var db = scope.GetRequiredService<VarnDbContext>();
            if (!db.Database.IsSqlite())
            {
                Console.Error.WriteLine(UsePostgresTools);
                return 2;
            }
            var file = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(file))
            {
                Console.Error.WriteLine($"{file} finns redan. Välj ett nytt filnamn; en säkerhetskopia skrivs aldrig över.");
                return 1;
            }
            await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            await using (var target = new SqliteConnection(Isolated(file)))
            {
                await source.OpenAsync(cancellationToken);
                await target.OpenAsync(cancellationToken);
                // The running server holds write locks for short moments; wait for them as the server's own connections do.
                SqliteConnectionSettings.Apply(source);
                source.BackupDatabase(target);
                await Execute(target, "PRAGMA journal_mode = DELETE;", cancellationToken);
            }
            var summary = await SummaryAsync(file, cancellationToken);
            await scope.GetRequiredService<AuditLog>().RecordAsync("database.backup", null, null, $"{summary.Counts}", cancellationToken);
            Console.WriteLine($"Säkerhetskopian är skriven till {file}: {summary.Counts}. {summary.Chain}");
            return summary.Intact ? 0 : 1;
        });

        var from = new Argument<string>("FILE") { Description = "En säkerhetskopia tagen med backup" };
        var restore = new Command("restore", "Återställ en säkerhetskopia till en tom databas (stoppa Värn först)") { from };
        restore.Runs(services, async (scope, parse, cancellationToken) =>
        {
            var db = scope.GetRequiredService<VarnDbContext>();
            if (!db.Database.IsSqlite())
            {
                Console.Error.WriteLine(UsePostgresTools);
                return 2;
            }
            var file = Path.GetFullPath(parse.GetValue(from)!);
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"{file} finns inte.");
                return 1;
            }
            var summary = await ReadableSummaryAsync(file, cancellationToken);
            if (summary is null)
            {
                Console.Error.WriteLine($"{file} är ingen säkerhetskopia av Värn (ingen läsbar SQLite-databas med Värns tabeller). Inget är ändrat.");
                return 1;
            }
            if (!summary.Intact)
            {
                Console.Error.WriteLine($"Säkerhetskopian återställs inte: {summary.Chain} Inget är ändrat.");
                return 1;
            }
            if (await db.Plans.AnyAsync(cancellationToken) || await db.Reports.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
            {
                Console.Error.WriteLine("Databasen som säkerhetskopian skulle återställas till har redan planer, rapporter eller konton. Återställ till en ny, tom databas (en ny fil i ConnectionStrings:Varn). Inget är ändrat.");
                return 1;
            }
            await using (var source = new SqliteConnection(Isolated(file)))
            await using (var target = new SqliteConnection(db.Database.GetConnectionString()))
            {
                await source.OpenAsync(cancellationToken);
                await target.OpenAsync(cancellationToken);
                SqliteConnectionSettings.Apply(target);
                source.BackupDatabase(target);
            }
            await using var restored = services.CreateAsyncScope();
            var restoredDb = restored.ServiceProvider.GetRequiredService<VarnDbContext>();
            await DatabaseSetup.MigrateAsync(restoredDb, cancellationToken);
            var verification = await AuditLog.VerifyAsync(restoredDb, cancellationToken);
            Console.WriteLine($"Återställde {file}: {await CountsAsync(restoredDb, cancellationToken)}. {verification.Message}");
            return verification.Intact ? 0 : 1;
        });
        return [backup, restore];
    }

    private sealed record Summary(string Counts, bool Intact, string Chain);

    /// <summary>A connection of its own to a file, outside the pool, so that nothing keeps the file open afterwards.</summary>
    private static string Isolated(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString;

    private static async Task<Summary> SummaryAsync(string file, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<VarnDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, Isolated(file));
        await using var db = new VarnDbContext(options.Options);
        var verification = await AuditLog.VerifyAsync(db, cancellationToken);
        var integrity = await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(cancellationToken);
        var sound = integrity is ["ok"];
        return new Summary(await CountsAsync(db, cancellationToken), verification.Intact && sound,
            sound ? verification.Message : $"SQLite:s kontroll av filen misslyckades: {string.Join("; ", integrity.Take(3))}");
    }

    private static async Task<Summary?> ReadableSummaryAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await SummaryAsync(file, cancellationToken);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static async Task<string> CountsAsync(VarnDbContext db, CancellationToken cancellationToken) =>
        $"{await db.Plans.CountAsync(cancellationToken)} planer, {await db.Reports.CountAsync(cancellationToken)} rapporter, "
        + $"{await db.ReportTallies.SumAsync(t => t.Count, cancellationToken)} räknade rapporter, {await db.Users.CountAsync(cancellationToken)} konton, "
        + $"{await db.AuditEntries.CountAsync(cancellationToken)} rader i granskningsloggen";

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
