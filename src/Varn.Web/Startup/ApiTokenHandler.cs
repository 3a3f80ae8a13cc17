using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Varn.Web.Startup;

/// <summary>
/// Authenticates <c>Authorization: Bearer varn_…</c> against the stored hashes of personal API tokens. The token, its
/// person and their grants are read in one query, and handed to <see cref="Access"/> so they are not read twice.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, VarnDbContext db, Access access, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private sealed record Holder(ApiToken Token, string DisplayName, DateTimeOffset? LockoutEnd, List<Access.Grant> Grants);

    /// <summary>Compiled once per model: every API request runs it (ADR 0020).</summary>
    private static readonly CompiledQuery<Func<VarnDbContext, string, CancellationToken, Task<Holder?>>> FindToken = new(() => EF.CompileAsyncQuery(
        (VarnDbContext db, string hash, CancellationToken _) => db.ApiTokens.Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => new Holder(
                t,
                t.User!.DisplayName,
                t.User.LockoutEnd,
                db.RoleAssignments.Where(r => r.UserId == t.UserId).Select(r => new Access.Grant(r.Role, r.CouncilId, r.UnitId)).ToList()))
            .FirstOrDefault()));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return AuthenticateResult.Fail("Malformed token");
        }
        var hash = ApiToken.HashOf(secret);
        var found = await FindToken.For(db)(db, hash, Context.RequestAborted);
        if (found is null || (found.LockoutEnd is { } lockout && lockout > clock.GetUtcNow()))
        {
            return AuthenticateResult.Fail("Unknown, revoked or locked token");
        }
        var token = found.Token;
        access.Use(token.UserId, found.DisplayName, found.Grants);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, token.UserId), new Claim(ClaimTypes.Name, found.DisplayName)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
