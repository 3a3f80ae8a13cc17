namespace Varn.Web.Pages;

public class IndexModel(VarnDbContext db) : VarnPageModel
{
    public int PlanCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        PlanCount = await Access.Plans(db).CountAsync(cancellationToken);
}
