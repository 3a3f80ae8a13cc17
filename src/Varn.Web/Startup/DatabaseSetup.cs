using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Varn.Web.Startup;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses SQLite (the embedded default) or PostgreSQL from <c>Database:Provider</c>, each with its own migrations.</summary>
public static class DatabaseSetup
{
    public const string DefaultConnectionString = "Data Source=data/varn.db";

    public static IServiceCollection AddVarnDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString("Varn") ?? DefaultConnectionString;
        // Contexts are pooled: their options and internal services are built once, not per request (ADR 0020). A scope
        // takes one from the pool and gives it the scope's actor, whom the audit log names.
        services.AddSingleton<AuditInterceptor>();
        services.AddPooledDbContextFactory<VarnDbContext>((root, options) =>
        {
            Configure(options, provider, connectionString);
            options.AddInterceptors(root.GetRequiredService<AuditInterceptor>());
        });
        services.AddScoped(scope =>
        {
            var db = scope.GetRequiredService<IDbContextFactory<VarnDbContext>>().CreateDbContext();
            db.Actor = scope.GetRequiredService<CurrentActor>();
            return db;
        });
        return services;
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'.");
    }

    /// <remarks>One method per provider: the runtime loads a provider's assemblies only when its method runs.</remarks>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            ConfigurePostgres(options, connectionString);
        }
        else
        {
            ConfigureSqlite(options, connectionString);
        }
    }

    private static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("Varn.Migrations.Sqlite"))
            .UseModel(SqliteModel());
        options.AddInterceptors(SqliteConnectionSettings.Instance);
    }

    private static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly("Varn.Migrations.Postgres"))
            .UseModel(PostgresModel());

    private static IModel SqliteModel() => Varn.Migrations.Sqlite.CompiledModel.VarnDbContextModel.Instance;

    private static IModel PostgresModel() => Varn.Migrations.Postgres.CompiledModel.VarnDbContextModel.Instance;

    /// <summary>
    /// Builds the chosen provider's compiled model on the thread pool, as the process's first work beside the main
    /// thread. It needs nothing from the container, the first context needs it, and while the services are registered
    /// the second core is otherwise idle: the start is a twentieth of a second shorter (ADR 0024). A model that cannot
    /// be built fails the same way again where the context needs it.
    /// </summary>
    public static void BuildModelInBackground(IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        _ = Task.Run(() => provider == DatabaseProvider.Postgres ? PostgresModel() : SqliteModel());
    }

    /// <summary>
    /// Creates the folder of a SQLite file (data/ by default) and brings the schema up to date. An up-to-date database
    /// costs one read of the migrations history: the full migration step (its lock, its check of the model) runs only
    /// when a migration is pending, and takes its own lock, so two instances starting together migrate once.
    /// </summary>
    public static async Task MigrateAsync(VarnDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        if (await HasPendingMigrationsAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Whether this version has migrations the database lacks. The history is read with a plain query: EF Core's own
    /// <c>GetPendingMigrationsAsync</c> first builds a model of the history table, a tenth of a second of every start.
    /// A history that cannot be read (a new database has none) leaves the decision to the full migration step.
    /// </summary>
    private static async Task<bool> HasPendingMigrationsAsync(VarnDbContext db, CancellationToken cancellationToken)
    {
        var pending = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        try
        {
            pending.ExceptWith(await db.Database.ReadTextAsync($"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"", cancellationToken));
        }
        catch (DbException)
        {
            return true;
        }
        return pending.Count > 0;
    }
}

/// <summary>
/// Every SQLite connection overwrites deleted content with zeros (<c>PRAGMA secure_delete</c>): purged reports and the
/// survey answers rewritten on each new answer leave nothing readable in free pages of the file. The file is in WAL
/// mode (set when it is migrated) with <c>synchronous = NORMAL</c>: a commit is not flushed to disk one by one, but a
/// killed process loses nothing it acknowledged (ADR 0015); readers do not wait for the writer. A connection waits up
/// to ten seconds for the write lock held by another process (a command run beside the server).
/// </summary>
public sealed class SqliteConnectionSettings : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>The database handles the settings were applied to: they hold for the handle's life, and a pooled handle serves many opens.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Applied = [];

    /// <summary>Applies the settings to a connection's handle once; also used for connections opened outside EF (the backup command's).</summary>
    public static void Apply(System.Data.Common.DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        if (Applied.TryGetValue(handle, out _))
        {
            return;
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
            command.ExecuteNonQuery();
        }
        Applied.AddOrUpdate(handle, handle);
    }
}
