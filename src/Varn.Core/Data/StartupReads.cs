using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Varn.Core.Data;

/// <summary>
/// The reads every start makes before it serves (the migrations history, whether reference data is there, the key
/// ring), written as plain SQL. As EF Core's first LINQ query, any of them would compile the query pipeline and build
/// the relational model on the start's path, about a fifth of a second; that is done beside the host's start instead
/// (<c>AppStartup.WarmUpAsync</c>, ADR 0024).
/// </summary>
public static class StartupReads
{
    /// <summary>The first column of every row of <paramref name="sql"/>, as text; null values are left out.</summary>
    public static async Task<List<string>> ReadTextAsync(this DatabaseFacade database, string sql, CancellationToken cancellationToken = default)
    {
        var values = new List<string>();
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!await reader.IsDBNullAsync(0, cancellationToken))
                {
                    values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
        return values;
    }

    /// <summary><see cref="ReadTextAsync"/> for callers that cannot wait asynchronously (the key ring's repository).</summary>
    public static List<string> ReadText(this DatabaseFacade database, string sql)
    {
        var values = new List<string>();
        database.OpenConnection();
        try
        {
            using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                {
                    values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
                }
            }
        }
        finally
        {
            database.CloseConnection();
        }
        return values;
    }

    /// <summary>The quoted table and column names of an entity's property, as the model maps them.</summary>
    public static (string Table, string Column) Names<TEntity>(this DbContext db, string property)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = entity.GetTableName()!;
        var column = entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        return ($"\"{table}\"", $"\"{column}\"");
    }
}
