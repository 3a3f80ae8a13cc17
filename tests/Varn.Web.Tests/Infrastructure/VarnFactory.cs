using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Varn.Web.Startup;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>
/// Värn in-process, on its own database: a fresh SQLite file by default, or a fresh PostgreSQL database.
/// Demo mode (the seed plans) is on unless asked otherwise. Time comes from <see cref="Clock"/>, a fake clock that
/// starts at the real now and moves only when a test moves it. The first app of a kind in a test run starts Värn on an
/// empty database (migrations, reference and demo data); later ones start on a copy of what it made, so that each test
/// still gets a database of its own without paying for the demo data again.
/// </summary>
public sealed class VarnFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("varn-test-").FullName;
    private readonly string provider;
    private readonly string connectionString;
    private readonly bool demo;

    private readonly int signInsPerMinute;
    private readonly int reportsPerMinute;

    private readonly IReadOnlyDictionary<string, string> settings;

    private static readonly ConcurrentDictionary<bool, Lazy<string>> SqliteTemplates = new();
    private static readonly ConcurrentDictionary<bool, Lazy<Task<string>>> PostgresTemplates = new();

    public VarnFactory(bool demo = true, string? postgresConnectionString = null, int signInsPerMinute = 100_000, int reportsPerMinute = 100_000,
        IReadOnlyDictionary<string, string>? settings = null, bool fromTemplate = true)
    {
        this.settings = settings ?? new Dictionary<string, string>();
        this.demo = demo;
        this.signInsPerMinute = signInsPerMinute;
        this.reportsPerMinute = reportsPerMinute;
        provider = postgresConnectionString is null ? "Sqlite" : "Postgres";
        connectionString = postgresConnectionString ?? $"Data Source={DatabaseFile};Pooling=False";
        if (postgresConnectionString is null && fromTemplate)
        {
            File.Copy(SqliteTemplates.GetOrAdd(demo, kind => new Lazy<string>(() => Task.Run(() => SqliteTemplate(kind)).GetAwaiter().GetResult())).Value, DatabaseFile);
        }
    }

    /// <summary>A second instance of Värn on this one's database, as a city runs several behind a load balancer.</summary>
    public VarnFactory SecondInstance() => new(this);

    private VarnFactory(VarnFactory first)
    {
        settings = first.settings;
        demo = first.demo;
        signInsPerMinute = first.signInsPerMinute;
        reportsPerMinute = first.reportsPerMinute;
        provider = first.provider;
        connectionString = first.connectionString;
    }

    public static VarnFactory Empty() => new(demo: false);

    /// <summary>Värn on a fresh database of the given kind: the data tests run once per database from one test body.</summary>
    public static async Task<VarnFactory> OnAsync(DatabaseProvider database, bool demo = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (database == DatabaseProvider.Sqlite)
        {
            return new VarnFactory(demo, settings: settings);
        }
        var template = await PostgresTemplates.GetOrAdd(demo, kind => new Lazy<Task<string>>(() => Task.Run(() => PostgresTemplateAsync(kind)))).Value;
        return new VarnFactory(demo, await Postgres.CreateDatabaseAsync(template), settings: settings);
    }

    private string DatabaseFile => Path.Combine(folder, "varn.db");

    // The templates are made on the thread pool, outside xUnit's synchronisation context: tests waiting for the first
    // template hold that context's few threads, and starting a host on them would wait for one of them forever.

    private static string SqliteTemplate(bool demo)
    {
        using var app = new VarnFactory(demo, fromTemplate: false);
        _ = app.Server;
        var copy = Path.Combine(Directory.CreateTempSubdirectory("varn-template-").FullName, "varn.db");
        File.Copy(app.DatabaseFile, copy);
        return copy;
    }

    private static async Task<string> PostgresTemplateAsync(bool demo)
    {
        var connection = await Postgres.CreateDatabaseAsync();
        using (var app = new VarnFactory(demo, connection))
        {
            _ = app.Server;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connection).Database!;
    }

    /// <summary>Both databases, for <c>[MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Databases => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Varn", connectionString);
        builder.UseSetting("Varn:Demo", demo ? "true" : "false");
        builder.UseSetting("Varn:RateLimit:SignInPerMinute", signInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Varn:RateLimit:ReportsPerMinute", reportsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Varn:Retention:Enabled", "false");
        builder.UseSetting("Varn:Reminders:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Signing in is most of what many tests do: a cheap hash for the made-up test passwords (never in Värn itself).
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = 1_000);
        });
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<VarnDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<VarnDbContext>());
    }

    public async Task WithDbAsync(Func<VarnDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<VarnDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing request; the temp folder is cleaned by the OS.
            }
        }
    }
}
