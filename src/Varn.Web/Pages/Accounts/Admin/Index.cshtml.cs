namespace Varn.Web.Pages.Accounts.Admin;

public class IndexModel(VarnDbContext db, TimeProvider clock) : VarnPageModel
{
    public sealed record Row(string Id, string Name, string? Email, IReadOnlyList<string> Roles, bool Locked);

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var roles = await db.RoleAssignments.AsNoTracking()
            .Select(r => new { r.UserId, r.Role, Council = r.Council == null ? null : r.Council.Name, Unit = r.Unit == null ? null : r.Unit.Name })
            .ToListAsync(cancellationToken);
        Accounts = users.Select(u => new Row(
                u.Id, u.DisplayName, u.Email,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Role.Label() + (r.Unit ?? r.Council) switch { null => "", var scope => $" ({scope})" }).ToList(),
                u.LockoutEnd > now))
            .ToList();
    }
}
