using Microsoft.Data.Sqlite;
using Varn.Web.Startup;

namespace Varn.Web.Tests.Data;

/// <summary>The SQLite settings are applied once per pooled handle: they must still hold when the pool hands the handle out again.</summary>
public class SqliteSettingsTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"varn-settings-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task AReusedPooledConnection_StillOverwritesDeletedContent_AndWaitsForTheWriteLock()
    {
        var options = new DbContextOptionsBuilder<VarnDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={file}");
        object? firstHandle = null;
        for (var open = 0; open < 3; open++)
        {
            await using var db = new VarnDbContext(options.Options);
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            firstHandle ??= connection.Handle;
            Assert.Same(firstHandle, connection.Handle);
            Assert.Equal(1L, Pragma(connection, "secure_delete"));
            Assert.Equal(10000L, Pragma(connection, "busy_timeout"));
            Assert.Equal(1L, Pragma(connection, "synchronous"));
        }
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var leftover in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*"))
        {
            File.Delete(leftover);
        }
        GC.SuppressFinalize(this);
    }
}
