using Varn.Core.Organisation;

namespace Varn.Web.Pages.Situation;

/// <summary>The situation pictures a person may read: per council, this plan year and the next.</summary>
public class IndexModel(VarnDbContext db, TimeProvider clock) : VarnPageModel
{
    public IReadOnlyList<Council> Councils { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool KeepsSources => Access.IsCentral;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Councils = (await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken)).Where(c => Access.CanSeePicture(c.Id)).ToList();
        var year = clock.Today().Year;
        Years = [year + 1, year, year - 1];
    }
}
