using Microsoft.EntityFrameworkCore.Infrastructure;
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
        using var db = ModelFromCode(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: add a migration with dotnet ef migrations add.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void CompiledModel_MatchesTheModel(DatabaseProvider provider)
    {
        using var fromCode = ModelFromCode(provider);
        var options = new DbContextOptionsBuilder<VarnDbContext>();
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused");
        using var compiled = new VarnDbContext(options.Options);

        Assert.IsAssignableFrom<Microsoft.EntityFrameworkCore.Metadata.RuntimeModel>(compiled.Model);
        Assert.True(Shape(fromCode.Model).SequenceEqual(Shape(compiled.Model)),
            $"The {provider} compiled model is behind the model: run dotnet ef dbcontext optimize (README, Migrations). Differences: "
            + string.Join("; ", Shape(fromCode.Model).Except(Shape(compiled.Model)).Concat(Shape(compiled.Model).Except(Shape(fromCode.Model))).Take(10)));
    }

    /// <summary>The model as OnModelCreating builds it (the design-time factory of the provider's migrations).</summary>
    private static VarnDbContext ModelFromCode(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? new Varn.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([])
        : new Varn.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);

    /// <summary>The model as the database and the queries see it: tables, columns with their types, keys, indexes, relations, navigations and filters.</summary>
    private static List<string> Shape(Microsoft.EntityFrameworkCore.Metadata.IModel model) => model.GetEntityTypes()
        .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}:{p.ClrType.Name}:{p.GetRelationalTypeMapping().StoreType}:{p.IsNullable}:{p.GetMaxLength()}:{p.GetTypeMapping().Converter?.GetType().Name}:{p.ValueGenerated}:{p.IsConcurrencyToken}")
            .Concat(e.GetKeys().Select(k => $"{e.Name} key {string.Join(",", k.Properties.Select(p => p.Name))}"))
            .Concat(e.GetIndexes().Select(i => $"{e.Name} index {i.GetDatabaseName()} {string.Join(",", i.Properties.Select(p => p.Name))} unique={i.IsUnique} filter={i.GetFilter()}"))
            .Concat(e.GetForeignKeys().Select(f => $"{e.Name} fk {string.Join(",", f.Properties.Select(p => p.Name))}->{f.PrincipalEntityType.Name} {f.DeleteBehavior}"))
            .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name}->{n.TargetEntityType.Name}"))
            .Concat(e.GetDeclaredQueryFilters().Select(f => $"{e.Name} filter {f.Expression}")))
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public async Task Postgres_StartsMigratesAndLoadsTheDemoData()
    {
        using var app = new VarnFactory(demo: true, postgresConnectionString: await Postgres.CreateDatabaseAsync());

        var health = await app.CreateClient().GetStringAsync("/healthz");
        var (plans, councils, pending) = await app.WithDbAsync(async db =>
            (await db.Plans.CountAsync(), await db.Councils.CountAsync(), (await db.Database.GetPendingMigrationsAsync()).Count()));

        Assert.Equal("Healthy", health);
        // The seed plans and the demo's followed-up revision of one of them to this year.
        Assert.Equal((Varn.Core.Plans.DemoPlans.SeedPlanNames.Count + 1, 19, 0), (plans, councils, pending));
    }
}
