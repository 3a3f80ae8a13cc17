using Npgsql;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the data tests. The test command (test.sh) starts a throwaway cluster and sets
/// VARN_TEST_POSTGRES; without it these tests fail rather than pass silently.
/// </summary>
public static class Postgres
{
    public const string Variable = "VARN_TEST_POSTGRES";

    /// <summary>Creates a database on the test server, empty or as a copy of <paramref name="template"/>, and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Assert.False(string.IsNullOrWhiteSpace(server),
            $"{Variable} is not set: the PostgreSQL tests need a real server. Run ./test.sh, which starts one, or set {Variable}.");
        var name = $"varn_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{(template is null ? "" : $" TEMPLATE \"{template}\"")}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }
}
