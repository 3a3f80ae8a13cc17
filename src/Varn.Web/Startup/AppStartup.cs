using Microsoft.Extensions.Options;
using Varn.Core.Plans.Interchange;
using Varn.Core.Organisation;
using Varn.Core.Reports;
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

        if (provider.GetRequiredService<IOptions<VarnOptions>>().Value.Demo)
        {
            var loaded = await DemoPlans.EnsurePlansAsync(db, provider.GetRequiredService<PlanImporter>(), cancellationToken);
            if (loaded > 0)
            {
                logger.LogInformation("Demo mode: {Count} seed plans loaded.", loaded);
            }
            var reports = await DemoReports.EnsureAsync(db, provider.GetRequiredService<TimeProvider>(), cancellationToken);
            if (reports > 0)
            {
                logger.LogInformation("Demo mode: {Count} synthetic reports created, labelled as made up.", reports);
            }
            if (await DemoAccounts.EnsureAsync(db, provider.GetRequiredService<AccountService>(), cancellationToken))
            {
                logger.LogInformation("Demo mode: {Count} demo accounts created.", DemoAccounts.All.Count);
            }
            var answers = await DemoSurveys.EnsureAsync(db, provider.GetRequiredService<SurveyRounds>(), provider.GetRequiredService<SurveyAnswering>(), provider.GetRequiredService<TimeProvider>(), cancellationToken);
            if (answers > 0)
            {
                logger.LogInformation("Demo mode: survey rounds with {Count} synthetic answers created, labelled as made up.", answers);
            }
        }
    }
}
