using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Data;

public class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void CheckedInMigrations_MatchTheModel(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<VarnDbContext>();
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused");
        using var db = new VarnDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: add a migration with dotnet ef migrations add.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task Postgres_StartsMigratesAndLoadsTheDemoData()
    {
        using var app = new VarnFactory(demo: true, postgresConnectionString: await Postgres.CreateDatabaseAsync());

        var health = await app.CreateClient().GetStringAsync("/healthz");
        var (plans, councils, pending) = await app.WithDbAsync(async db =>
            (await db.Plans.CountAsync(), await db.Councils.CountAsync(), (await db.Database.GetPendingMigrationsAsync()).Count()));

        Assert.Equal("Healthy", health);
        Assert.Equal((3, 19, 0), (plans, councils, pending));
    }
}
