using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Varn.Core.Surveys;

/// <summary>Single-use links: 256 random bits in the link, only their SHA-256 hash in the database.</summary>
public static class SurveyTokens
{
    public const string Path = "/enkat/";

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether the text can be a token at all (43 URL-safe characters), so that anything else is "unknown" without a lookup.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Url(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}{Path}{token}";
}
