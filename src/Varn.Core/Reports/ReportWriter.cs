using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Audit;

namespace Varn.Core.Reports;

/// <summary>
/// Stores checked reports by group commit: reports arriving together are written in one transaction — one write lock,
/// one read of the audit chain's head, one commit — and each caller's task completes only after that commit, so an
/// acknowledged report is a stored one. When a batch fails, its reports are written one by one, so a report that
/// cannot be stored fails alone. A batch is written by a task started on demand, holding nothing but reports: no
/// request ever waits behind another request's work, only behind a commit (ADR 0019).
/// </summary>
public sealed class ReportWriter(IServiceScopeFactory scopes)
{
    /// <summary>Enough to keep a batch's commit well under a page load; the queue is drained batch after batch.</summary>
    private const int MaxBatch = 64;

    private sealed record Pending(Func<DeidentifiedReport> Create, string Actor, TaskCompletionSource<DeidentifiedReport> Stored);

    private readonly ConcurrentQueue<Pending> queue = new();
    private int draining;

    /// <summary>
    /// Queues a report and completes when it is committed. <paramref name="create"/> builds a fresh entity on each
    /// attempt; <paramref name="actor"/> names the submitter in the audit log (never the reporter as a person).
    /// </summary>
    public Task<DeidentifiedReport> WriteAsync(Func<DeidentifiedReport> create, string actor)
    {
        var pending = new Pending(create, actor, new TaskCompletionSource<DeidentifiedReport>(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync);
        }
        return pending.Stored.Task;
    }

    private async Task DrainAsync()
    {
        do
        {
            try
            {
                while (!queue.IsEmpty)
                {
                    var batch = new List<Pending>(MaxBatch);
                    while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
                    {
                        batch.Add(next);
                    }
                    await WriteBatchAsync(batch);
                }
            }
            finally
            {
                Volatile.Write(ref draining, 0);
            }
        }
        // A report queued between the last look and letting go is picked up here, or by the caller who queued it.
        while (!queue.IsEmpty && Interlocked.CompareExchange(ref draining, 1, 0) == 0);
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        List<DeidentifiedReport> stored;
        try
        {
            stored = await SaveAsync(batch);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var single in batch)
            {
                await WriteBatchAsync([single]);
            }
            return;
        }
        catch (Exception exception)
        {
            batch[0].Stored.TrySetException(exception);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Stored.TrySetResult(stored[i]);
        }
    }

    private async Task<List<DeidentifiedReport>> SaveAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VarnDbContext>();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var reports = batch.Select(p => p.Create()).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // The audit log names the submitter per council ("a reporter to X"): one save per name, in the one transaction.
        foreach (var group in batch.Select((pending, i) => (pending.Actor, Report: reports[i])).GroupBy(p => p.Actor))
        {
            actor.Set(group.Key, null);
            db.Reports.AddRange(group.Select(p => p.Report));
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
        return reports;
    }
}
