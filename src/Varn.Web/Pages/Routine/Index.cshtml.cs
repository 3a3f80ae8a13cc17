using Varn.Core.Routine;

namespace Varn.Web.Pages.Routine;

/// <summary>The routine for concern or an event, the coordinator directory and the knowledge bank: read by everyone signed in.</summary>
public class IndexModel(VarnDbContext db) : VarnPageModel
{
    public sealed record Item(int Id, string Title, string? Description, string? Url, string? FileName);

    public string Routine { get; private set; } = "";
    public IReadOnlyList<Coordinator> Coordinators { get; private set; } = [];
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public bool CanEdit => Access.IsCentral;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Routine = await db.RoutineTexts.AsNoTracking().Select(r => r.Text).FirstOrDefaultAsync(cancellationToken) ?? "";
        Coordinators = await CoordinatorDirectory.ListAsync(db, cancellationToken);
        Items = await db.KnowledgeItems.AsNoTracking().OrderBy(k => k.Title)
            .Select(k => new Item(k.Id, k.Title, k.Description, k.Url, k.FileName))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.KnowledgeItems.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id && k.Content != null, cancellationToken);
        return item is null ? NotFound() : File(item.Content!, item.ContentType ?? "application/octet-stream", item.FileName);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (!Access.IsCentral)
        {
            return Forbidden();
        }
        var item = await db.KnowledgeItems.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (item is not null)
        {
            db.KnowledgeItems.Remove(item);
            await db.SaveChangesAsync(cancellationToken);
            Flash = T["«{0}» är borttagen ur kunskapsbanken.", item.Title];
        }
        return Redirect("/rutin#kunskapsbank");
    }
}
