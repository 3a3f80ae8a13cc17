namespace Varn.Web.Pages.Accounts;

/// <summary>An API token as a person sees it in a list: never the secret, only its first characters.</summary>
public sealed record TokenRow(int Id, string Name, string Hint, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static Task<List<TokenRow>> LoadAsync(VarnDbContext db, string userId, CancellationToken cancellationToken) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
}
