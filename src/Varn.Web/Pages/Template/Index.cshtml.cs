using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Plans;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Template;

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
