using Microsoft.AspNetCore.Mvc.Rendering;
using Varn.Core.Organisation;

namespace Varn.Web.Infrastructure;

/// <summary>The councils whose registers a person may read, and the one a register page shows: the asked-for one, or their first.</summary>
public sealed record CouncilChoice(Council? Current, IReadOnlyList<SelectListItem> Options)
{
    public static async Task<CouncilChoice> LoadAsync(VarnDbContext db, Access access, string? asked, CancellationToken cancellationToken)
    {
        var councils = (await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken)).Where(c => access.CanSeePicture(c.Id)).ToList();
        var current = councils.FirstOrDefault(c => c.Short == asked) ?? (asked is null ? councils.FirstOrDefault() : null);
        return new CouncilChoice(current, councils.Select(c => new SelectListItem(c.Name, c.Short, c.Short == current?.Short)).ToList());
    }
}
