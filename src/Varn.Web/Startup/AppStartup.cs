using System.Data.Common;
using Varn.Core.FollowUp;
using Microsoft.Extensions.Options;
using Varn.Core.Plans.Interchange;
using Varn.Core.Organisation;
using Varn.Core.Reports;
using Varn.Core.Competence;
using Varn.Core.Forums;
using Varn.Core.Grants;
using Varn.Core.Surveys;

namespace Varn.Web.Startup;

/// <summary>What runs before Värn serves or runs a command: migrations, reference data, and in demo mode the demo data.</summary>
public static class AppStartup
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<VarnDbContext>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Varn.Startup");
        provider.GetRequiredService<Varn.Core.Audit.CurrentActor>().Set("start av Värn", null);

        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        if (await ReferenceData.EnsureAsync(db, provider.GetRequiredService<TimeProvider>(), cancellationToken))
        {
            logger.LogInformation("Reference data (councils, police areas, the city template) written to an empty database.");
        }

        if (!provider.GetRequiredService<IOptions<VarnOptions>>().Value.Demo)
        {
            return;
        }
        var plans = await StepAsync(services, p => DemoPlans.EnsurePlansAsync(p.GetRequiredService<VarnDbContext>(), p.GetRequiredService<PlanImporter>(), cancellationToken));
        if (plans > 0)
        {
            logger.LogInformation("Demo mode: {Count} seed plans loaded.", plans);
        }
        var reports = await StepAsync(services, p => DemoReports.EnsureAsync(p.GetRequiredService<VarnDbContext>(), p.GetRequiredService<TimeProvider>(), cancellationToken));
        if (reports > 0)
        {
            logger.LogInformation("Demo mode: {Count} synthetic reports created, labelled as made up.", reports);
        }
        if (await StepAsync(services, async p => await DemoAccounts.EnsureAsync(p.GetRequiredService<VarnDbContext>(), p.GetRequiredService<AccountService>(), cancellationToken) ? 1 : 0) > 0)
        {
            logger.LogInformation("Demo mode: {Count} demo accounts created.", DemoAccounts.All.Count);
        }
        var answers = await StepAsync(services, p => DemoSurveys.EnsureAsync(p.GetRequiredService<VarnDbContext>(), p.GetRequiredService<SurveyRounds>(), p.GetRequiredService<SurveyAnswering>(), p.GetRequiredService<TimeProvider>(), cancellationToken));
        if (answers > 0)
        {
            logger.LogInformation("Demo mode: survey rounds with {Count} synthetic answers created, labelled as made up.", answers);
        }
        var grants = await StepAsync(services, p => DemoGrants.EnsureAsync(p.GetRequiredService<VarnDbContext>(), p.GetRequiredService<GrantRegister>(), p.GetRequiredService<TimeProvider>(), cancellationToken));
        var meetings = await StepAsync(services, p => DemoForums.EnsureAsync(p.GetRequiredService<VarnDbContext>(), p.GetRequiredService<ForumRegister>(), p.GetRequiredService<TimeProvider>(), cancellationToken));
        var completions = await StepAsync(services, p => DemoCompetence.EnsureAsync(p.GetRequiredService<VarnDbContext>(), p.GetRequiredService<CompetenceRegister>(), p.GetRequiredService<TimeProvider>(), cancellationToken));
        if (grants + meetings + completions > 0)
        {
            logger.LogInformation("Demo mode: registers with {Grants} grant applications, {Meetings} forum meetings and {Rows} completion rows created, labelled as made up.", grants, meetings, completions);
        }
        var rounds = await StepAsync(services, p => DemoFollowUp.EnsureAsync(p.GetRequiredService<VarnDbContext>(), p.GetRequiredService<PlanRevision>(),
            p.GetRequiredService<FollowUpRounds>(), p.GetRequiredService<Access>(), p.GetRequiredService<TimeProvider>(), cancellationToken));
        if (rounds > 0)
        {
            logger.LogInformation("Demo mode: this year's revision of a seed plan with {Count} submitted follow-up rounds, labelled as made up.", rounds);
        }
    }

    /// <summary>
    /// Runs one LINQ query once the database is ready, beside the host's start and the first requests, so that EF Core
    /// compiles its query pipeline and builds the relational model (about a fifth of a second) on a core the start
    /// leaves free, not in the first visitor's request. The reads before it are plain SQL for this reason
    /// (<see cref="StartupReads"/>, ADRs 0024 and 0027). A failure only costs that time later; the health check
    /// reports a database that cannot be reached.
    /// </summary>
    public static async Task WarmUpAsync(IServiceProvider services, ILogger logger)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<VarnDbContext>().Municipalities.AsNoTracking().AnyAsync();
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            logger.LogWarning(exception, "The warm-up query failed; the first request compiles EF Core's queries instead.");
        }
    }

    /// <summary>One step of the demo data in a scope of its own: a fresh unit of work, so no step pays for what the others tracked.</summary>
    private static async Task<int> StepAsync(IServiceProvider services, Func<IServiceProvider, Task<int>> step)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Varn.Core.Audit.CurrentActor>().Set("start av Värn", null);
        return await step(scope.ServiceProvider);
    }
}
