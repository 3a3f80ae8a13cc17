using Microsoft.Extensions.Options;
using Varn.Core.Email;

namespace Varn.Web.Pages.Email;

/// <summary>The outbox for the administrator: what was sent, what waits, what was given up and why — never the message bodies.</summary>
public class IndexModel(VarnDbContext db, IOptions<EmailOptions> options) : VarnPageModel
{
    public sealed record MessageRow(int Id, string Kind, string Recipient, string Subject, DateTime CreatedAt, OutboxState State, int Attempts, DateTime? SentAt, DateTime NextAttemptAt, string? LastError);

    public EmailMode Mode => options.Value.Mode;
    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];
    public IReadOnlyDictionary<OutboxState, int> Counts { get; private set; } = new Dictionary<OutboxState, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await db.Outbox.AsNoTracking().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Messages = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Take(200)
            .Select(m => new MessageRow(m.Id, m.Kind, m.Recipient, m.Subject, m.CreatedAt, m.State, m.Attempts, m.SentAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);
    }

    public static string StateLabel(OutboxState state) => state switch
    {
        OutboxState.Pending => "Väntar",
        OutboxState.Sent => "Skickat",
        _ => "Misslyckades",
    };
}
