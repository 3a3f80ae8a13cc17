using Varn.Core.Organisation;

namespace Varn.Web.Pages.Organisation;

public class IndexModel(VarnDbContext db) : VarnPageModel
{
    public sealed record Row(string Short, string Name, CouncilKind Kind, int? Population, string? PoliceArea, int Units);

    public string Municipality { get; private set; } = "";
    public IReadOnlyList<Row> Councils { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Municipality = await db.Municipalities.Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        Councils = await db.Councils.AsNoTracking()
            .OrderBy(c => c.Kind).ThenBy(c => c.Name)
            .Select(c => new Row(c.Short, c.Name, c.Kind, c.Population, c.PoliceArea == null ? null : c.PoliceArea.Name, c.Units.Count))
            .ToListAsync(cancellationToken);
    }

    public static string KindLabel(CouncilKind kind) => kind switch
    {
        CouncilKind.District => "Stadsdelsnämnd",
        CouncilKind.Specialist => "Facknämnd",
        _ => "Central",
    };
}
