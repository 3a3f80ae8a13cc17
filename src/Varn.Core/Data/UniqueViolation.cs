using System.Data.Common;

namespace Varn.Core.Data;

/// <summary>
/// Recognises a unique-index violation on either database: two people creating the same plan or unit at the same
/// moment both pass the check before saving, and the index lets only one through. The other gets a field error.
/// </summary>
public static class UniqueViolation
{
    private const string PostgresUniqueViolation = "23505";

    // SQLite has no SQLSTATE; its message for this constraint is fixed ("SQLite Error 19: 'UNIQUE constraint failed: …'").
    private const string SqliteUniqueViolation = "UNIQUE constraint failed";

    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is DbException inner
        && (inner.SqlState == PostgresUniqueViolation || inner.Message.Contains(SqliteUniqueViolation, StringComparison.Ordinal));
}
