using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varn.Core.Audit;
using Varn.Core.Jobs;

namespace Varn.Core.Reports;

public sealed class RetentionOptions
{
    public const string Section = "Varn:Retention";

    /// <summary>Assessed reports older than this many years are deleted; their counts remain.</summary>
    public int ReportYears { get; set; } = 5;

    /// <summary>Whether the daily purge runs in the background. The command line can always purge.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Runs the retention purge once a day, the first time an hour after start. With several instances on one database,
/// the first to claim the day purges and the others skip it.
/// </summary>
public sealed class RetentionJob(IServiceProvider services, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    /// <summary>Today's purge, unless another instance has claimed it: the number purged, or null when it was not this instance's to do.</summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set("gallring (automatisk)", null);
        var db = scope.ServiceProvider.GetRequiredService<VarnDbContext>();
        if (!await JobClaims.TryClaimAsync(db, "retention", clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), clock, cancellationToken))
        {
            logger.LogInformation("Retention: today's purge was done by another instance.");
            return null;
        }
        var purged = await scope.ServiceProvider.GetRequiredService<ReportRetention>().PurgeAsync(options.Value.ReportYears, cancellationToken);
        logger.LogInformation("Retention: {Count} assessed reports older than {Years} years purged; their counts are kept.", purged, options.Value.ReportYears);
        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        try
        {
            await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
            do
            {
                await RunAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
