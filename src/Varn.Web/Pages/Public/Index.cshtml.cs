namespace Varn.Web.Pages.Public;

/// <summary>The approved plans, readable by anyone without signing in.</summary>
public class IndexModel(VarnDbContext db) : VarnPageModel
{
    public sealed record Row(string Short, string Council, int Year, string Title, DateOnly? ApprovedOn);

    public IReadOnlyList<Row> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Plans = await db.Plans.AsNoTracking()
            .Where(p => p.Stage == PlanStage.Approved)
            .OrderBy(p => p.Council!.Name).ThenByDescending(p => p.Year)
            .Select(p => new Row(p.Council!.Short, p.Council.Name, p.Year, p.Title, p.ApprovedOn))
            .ToListAsync(cancellationToken);
}
