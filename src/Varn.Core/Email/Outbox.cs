using Microsoft.Extensions.Options;

namespace Varn.Core.Email;

/// <summary>Queues a message in the caller's unit of work: it is saved, and later sent, only with the change that causes it.</summary>
public sealed class Outbox(VarnDbContext db, IOptions<EmailOptions> options, TimeProvider clock)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>Adds the message when e-mail is on; returns whether it was queued. The caller saves.</summary>
    public bool Queue(string kind, string recipient, string subject, string body)
    {
        if (!Enabled)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage { Kind = kind, Recipient = recipient, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now, State = OutboxState.Pending });
        return true;
    }
}
