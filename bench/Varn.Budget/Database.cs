using Microsoft.Data.Sqlite;

namespace Varn.Budget;

public static class Database
{
    /// <summary>Reports in the SQLite file whose description carries the run's marker: what was really stored.</summary>
    public static int CountReports(string file, string marker)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Reports WHERE instr(Description, $marker) > 0";
        command.Parameters.AddWithValue("$marker", $"({marker} nr ");
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
