using System.Security.Cryptography;
using System.Text;

namespace Varn.Core.Accounts;

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token itself is shown once, when created.</summary>
public class ApiToken
{
    public const string Prefix = "varn_";

    public int Id { get; set; }
    public required string UserId { get; set; }
    public VarnUser? User { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Hint { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public static (ApiToken Token, string Secret) Create(string userId, string name, DateTime now)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken { UserId = userId, Name = name, Hash = HashOf(secret), Hint = secret[..(Prefix.Length + 4)], CreatedAt = now }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.Hint).HasMaxLength(20);
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
