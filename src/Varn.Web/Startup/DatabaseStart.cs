namespace Varn.Web.Startup;

/// <summary>
/// Brings the database up to date (<see cref="AppStartup.InitializeAsync"/>) beside the building of the request
/// pipeline and the host's start, on a core the start leaves free (ADR 0027). Nothing is served before it is done:
/// <see cref="HoldAsync"/>, the pipeline's first step, holds a request until then, and the host counts as started
/// (<c>ApplicationStarted</c>, the start banner, the tests' factory) only once it is done. A failure fails the host's
/// start, and the process ends as it did when the database came first.
/// </summary>
public sealed class DatabaseStart(IServiceProvider services, ILogger<DatabaseStart> logger) : IHostedLifecycleService
{
    private readonly Lazy<Task> ready = new(() => Task.Run(async () =>
    {
        await AppStartup.InitializeAsync(services);
        _ = Task.Run(() => AppStartup.WarmUpAsync(services, logger));
    }));

    /// <summary>Done when the database is up to date; begun by the first to ask.</summary>
    public Task Ready => ready.Value;

    /// <summary>The program begins as soon as the app is built, so that the work runs beside the pipeline's building.</summary>
    public void Begin() => _ = Ready;

    /// <summary>The pipeline's first step: a request that arrives while the database is being brought up to date waits for it.</summary>
    public Task HoldAsync(HttpContext context, RequestDelegate next) =>
        Ready.IsCompletedSuccessfully ? next(context) : AfterReadyAsync(context, next);

    private async Task AfterReadyAsync(HttpContext context, RequestDelegate next)
    {
        await Ready.WaitAsync(context.RequestAborted);
        await next(context);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The last step of the host's start, after Kestrel listens: waits for the database.</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => Ready.WaitAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
