using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Varn.Core.Audit;

public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Audit times are kept to the millisecond so that they read back identically from SQLite and PostgreSQL.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>The hash of a row: SHA-256 over the previous hash and every recorded field, each length-prefixed.</summary>
    public static string HashOf(AuditEntry entry)
    {
        var builder = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.PreviousHash,
                     entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture), entry.Actor, entry.ActorId, entry.Action,
                     entry.Entity, entry.EntityId, entry.Summary,
                 })
        {
            var value = field ?? "\0";
            builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
