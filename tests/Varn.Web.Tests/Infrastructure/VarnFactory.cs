using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Varn.Web.Startup;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>
/// Värn in-process, on its own database: a fresh SQLite file by default, or a fresh PostgreSQL database.
/// Demo mode (the seed plans) is on unless asked otherwise. Time comes from <see cref="Clock"/>, a fake clock that
/// starts at the real now and moves only when a test moves it.
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

    public VarnFactory(bool demo = true, string? postgresConnectionString = null, int signInsPerMinute = 100_000, int reportsPerMinute = 100_000, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string>();
        this.demo = demo;
        this.signInsPerMinute = signInsPerMinute;
        this.reportsPerMinute = reportsPerMinute;
        provider = postgresConnectionString is null ? "Sqlite" : "Postgres";
        connectionString = postgresConnectionString ?? $"Data Source={Path.Combine(folder, "varn.db")};Pooling=False";
    }

    public static VarnFactory Empty() => new(demo: false);

    /// <summary>Värn on a fresh database of the given kind: the data tests run once per database from one test body.</summary>
    public static async Task<VarnFactory> OnAsync(DatabaseProvider database, bool demo = true, IReadOnlyDictionary<string, string>? settings = null) =>
        new(demo, database == DatabaseProvider.Postgres ? await Postgres.CreateDatabaseAsync() : null, settings: settings);

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
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
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
