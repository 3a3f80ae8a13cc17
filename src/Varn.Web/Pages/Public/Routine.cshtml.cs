namespace Varn.Web.Pages.Public;

/// <summary>The routine for concern or an event, readable without signing in.</summary>
public class RoutineModel(VarnDbContext db) : VarnPageModel
{
    public string Routine { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Routine = await db.RoutineTexts.AsNoTracking().Select(r => r.Text).FirstOrDefaultAsync(cancellationToken) ?? "";
}
