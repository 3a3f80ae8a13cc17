using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Varn.Core.Email;

/// <summary>
/// Sends what the outbox holds, in the background. Each instance claims a batch with a lease (so that two instances
/// never send the same message), sends message by message and catches per message: a failure is retried later
/// (after 1, 5, 15, 60 minutes …) and given up after the last attempt. The body, which may hold a link, is removed
/// when the message is sent or given up.
/// </summary>
public sealed class OutboxSender(IServiceProvider services, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger) : BackgroundService
{
    private const int Batch = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly int[] RetryMinutes = [1, 5, 15, 60, 240];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        try
        {
            do
            {
                try
                {
                    await SendDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "The outbox could not be read; trying again at the next tick.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends every message that is due now. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VarnDbContext>();
        var transport = scope.ServiceProvider.GetRequiredService<EmailTransport>();
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + Lease;
        // Each call claims under a name of its own: two calls at the same moment (here or on another instance) never both own a message.
        var claim = $"{Varn.Core.Jobs.JobClaims.Instance}/{Guid.NewGuid():N}" is var name && name.Length > 100 ? name[^100..] : name;
        var due = await db.Outbox.Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
        // Still pending: another sender may have sent one of these and released it between the read above and this claim.
        await db.Outbox.Where(m => due.Contains(m.Id) && m.State == OutboxState.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseUntil).SetProperty(m => m.LockedBy, claim), cancellationToken);
        var claimed = await db.Outbox.Where(m => due.Contains(m.Id) && m.LockedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var message in claimed)
        {
            try
            {
                await transport.SendAsync(message, cancellationToken);
                message.State = OutboxState.Sent;
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.Body = null;
                message.LastError = null;
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = exception.Message.Length > 1000 ? exception.Message[..1000] : exception.Message;
                if (message.Attempts >= options.Value.MaxAttempts)
                {
                    message.State = OutboxState.Failed;
                    message.Body = null;
                    logger.LogWarning("Outbox message {Id} given up after {Attempts} attempts: {Error}", message.Id, message.Attempts, message.LastError);
                }
                else
                {
                    message.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(RetryMinutes[Math.Min(message.Attempts - 1, RetryMinutes.Length - 1)]);
                }
            }
            message.LockedUntil = null;
            message.LockedBy = null;
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }
}
