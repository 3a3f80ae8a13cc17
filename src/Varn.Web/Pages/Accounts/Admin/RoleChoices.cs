using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varn.Web.Pages.Accounts.Admin;

/// <summary>The choices of the role forms: roles, councils, units.</summary>
public sealed record RoleChoices(IReadOnlyList<SelectListItem> Roles, IReadOnlyList<SelectListItem> Councils, IReadOnlyList<SelectListItem> Units)
{
    public static async Task<RoleChoices> LoadAsync(VarnDbContext db, CancellationToken cancellationToken)
    {
        var roles = CodeChoices.Of<Role>(r => r.Label());
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Short)).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Council!.Name).ThenBy(u => u.Name)
            .Select(u => new SelectListItem(u.Council!.Name + " – " + u.Name, u.Id.ToString())).ToListAsync(cancellationToken);
        return new RoleChoices(
            // No role is preselected: a forgotten choice must not make anyone an administrator.
            [new SelectListItem("Välj roll", ""), .. roles],
            [new SelectListItem("Ingen (stadsövergripande roll)", ""), .. councils],
            [new SelectListItem("Ingen (bara för enhetschef)", ""), .. units]);
    }
}

public sealed class RoleInput
{
    public string? Role { get; set; }
    public string? Council { get; set; }
    public int? Unit { get; set; }
}
