namespace Varn.Web.Pages.Plans;

public class IndexModel(VarnDbContext db) : VarnPageModel
{
    public sealed record Row(string Short, string Council, int Year, string Title, PlanStage Stage, string? Diarienummer, int Activities);

    public IReadOnlyList<Row> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plans = await Access.Plans(db).AsNoTracking()
            .OrderBy(p => p.Council!.Name).ThenByDescending(p => p.Year)
            .Select(p => new Row(p.Council!.Short, p.Council.Name, p.Year, p.Title, p.Stage, p.Diarienummer, p.Activities.Count))
            .ToListAsync(cancellationToken);
    }
}
