using Varn.Web.Startup;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>
/// A test class whose every test runs once per database, from one body (bitwarden's pattern): derive from it and add
/// two sealed classes, <c>…OnSqlite</c> and <c>…OnPostgres</c>, that only name the database.
/// </summary>
public abstract class DataTests(DatabaseProvider database) : IAsyncLifetime
{
    protected VarnFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await VarnFactory.OnAsync(database);
        await ArrangeAsync();
    }

    /// <summary>What every test of the class starts from, after the app is up.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
