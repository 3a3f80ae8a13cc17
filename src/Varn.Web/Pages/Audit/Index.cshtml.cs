namespace Varn.Web.Pages.Audit;

/// <summary>The audit log, newest first, filtered; and a check of its hash chain.</summary>
public class IndexModel(VarnDbContext db) : VarnPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Rows { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await AuditLog.VerifyAsync(db, cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string OlderLink()
    {
        var query = new Dictionary<string, string?>
        {
            ["Action"] = Action,
            ["Who"] = Who,
            ["From"] = From?.ToString("yyyy-MM-dd"),
            ["To"] = To?.ToString("yyyy-MM-dd"),
            ["Before"] = Rows[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/logg", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            query = query.Where(a => a.Action.Contains(action));
        }
        if (!string.IsNullOrWhiteSpace(Who))
        {
            var actor = Who.Trim();
            query = query.Where(a => a.Actor.Contains(actor));
        }
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= start);
        }
        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < end);
        }
        if (Before is { } before)
        {
            query = query.Where(a => a.Sequence < before);
        }
        Rows = await query.OrderByDescending(a => a.Sequence).Take(PageSize).ToListAsync(cancellationToken);
    }
}
