using System.Data.Common;

namespace Varn.Core.Data;

/// <summary>
/// Recognises a unique-index violation on either database: two people creating the same plan or unit at the same
/// moment both pass the check before saving, and the index lets only one through. The other gets a field error.
/// </summary>
public static class UniqueViolation
{
    private const string PostgresUniqueViolation = "23505";
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is DbException inner
        && (inner.SqlState == PostgresUniqueViolation
            || (inner.ErrorCode == SqliteConstraint && inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)));
}
