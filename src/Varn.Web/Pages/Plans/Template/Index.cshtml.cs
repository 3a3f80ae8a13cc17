namespace Varn.Web.Pages.Plans.Template;

public class IndexModel(VarnDbContext db) : VarnPageModel
{
    public sealed record Row(SectionKey Key, int Length, DateTime UpdatedAt);

    public IReadOnlyList<Row> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.TemplateSections.AsNoTracking()
            .Select(t => new { t.Key, t.Text, t.UpdatedAt })
            .ToListAsync(cancellationToken);
        Sections = rows.Select(r => new Row(r.Key, r.Text.Length, r.UpdatedAt)).OrderBy(r => r.Key).ToList();
    }
}
