using Varn.Core.Overview;

namespace Varn.Web.Pages;

/// <summary>The signed-in home page: what waits for this person (C18), soonest due first, and the ways into Värn.</summary>
public class IndexModel(VarnDbContext db, MyWork work) : VarnPageModel
{
    public int PlanCount { get; private set; }
    public IReadOnlyList<WorkItem> Work { get; private set; } = [];
    public bool IsCentral => Access.IsCentral;
    public bool IsAdmin => Access.IsAdmin;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PlanCount = await Access.Plans(db).CountAsync(cancellationToken);
        Work = await work.ListAsync(cancellationToken);
    }
}
