using Microsoft.AspNetCore.Http.Features;
using Varn.Core.Plans.Interchange;
using Varn.Core.Email;
using Varn.Core.Reports;
using Varn.Core.Statistics;
using Varn.Core.Competence;
using Varn.Core.Forums;
using Varn.Core.Grants;
using Varn.Core.Surveys;

namespace Varn.Web.Startup;

public static class VarnServices
{
    /// <summary>The largest request body Kestrel accepts. Import files are checked against their own, smaller limits.</summary>
    public const long MaxRequestBytes = 12 * 1024 * 1024;

    public static WebApplicationBuilder AddVarn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<VarnOptions>(builder.Configuration.GetSection(VarnOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddVarnDatabase(builder.Configuration);
        services.AddSingleton<DatabaseStart>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseStart>());
        services.AddVarnAccounts(builder.Environment, builder.Configuration);
        services.AddScoped<PlanGuard>();
        services.AddScoped<PlanImporter>();
        services.AddScoped<PlanExport>();
        services.AddScoped<PlanLifecycle>();
        services.AddScoped<PlanRevision>();
        services.AddScoped<WordPlanImport>();
        services.AddScoped<ReportIntake>();
        services.AddSingleton<ReportWriter>();
        services.AddScoped<ReportAssessment>();
        services.AddScoped<ReportRetention>();
        services.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJob>());
        services.AddScoped<SurveyRounds>();
        services.AddScoped<SurveyAnswering>();
        services.AddScoped<GrantRegister>();
        services.AddScoped<ForumRegister>();
        services.AddScoped<Varn.Core.FollowUp.FollowUpRounds>();
        services.AddScoped<Varn.Core.FollowUp.PlanIndicators>();
        services.AddScoped<Varn.Core.Overview.CityOverview>();
        services.AddScoped<Varn.Core.Overview.MyWork>();
        services.AddScoped<Varn.Core.Overview.Reminders>();
        services.Configure<Varn.Core.Overview.ReminderOptions>(builder.Configuration.GetSection(Varn.Core.Overview.ReminderOptions.Section));
        services.AddSingleton<Varn.Core.Overview.ReminderJob>();
        services.AddHostedService(provider => provider.GetRequiredService<Varn.Core.Overview.ReminderJob>());
        services.AddScoped<CompetenceRegister>();
        services.AddScoped<Varn.Core.Situation.SituationRegister>();
        services.AddScoped<Varn.Core.Situation.SituationPictures>();
        services.Configure<StatisticsOptions>(builder.Configuration.GetSection(StatisticsOptions.Section));
        services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        services.AddScoped<Outbox>();
        services.AddScoped<EmailTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages(options =>
            {
                var pages = options.Conventions;
                pages.AllowAnonymousToPage("/Error");
                pages.AllowAnonymousToPage("/Language");
                pages.AllowAnonymousToPage("/Accounts/SignIn");
                pages.AllowAnonymousToPage("/Accounts/External");
                pages.AllowAnonymousToPage("/Accounts/SecondFactor");
                pages.AllowAnonymousToFolder("/Public");
                pages.AllowAnonymousToPage("/Surveys/Answer");
                pages.AllowAnonymousToPage("/Surveys/Thanks");
                pages.AuthorizeFolder("/Accounts/Admin", Policies.Admin);
                pages.AuthorizeFolder("/Audit", Policies.AuditReaders);
                pages.AuthorizeFolder("/Email", Policies.Admin);
                pages.AuthorizePage("/Surveys/Template", Policies.CentralCoordinator);
                pages.AuthorizeFolder("/Plans/Template", Policies.CentralCoordinator);
                pages.AuthorizeFolder("/Organisation", Policies.OrganisationKeepers);
                pages.AuthorizePage("/Routine/Edit", Policies.CentralCoordinator);
                pages.AuthorizePage("/Situation/SourceList", Policies.CentralCoordinator);
                pages.AuthorizePage("/Routine/NewItem", Policies.CentralCoordinator);
            })
            .AddViewLocalization()
            .AddMvcOptions(options =>
            {
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                options.Filters.Add<UnknownHandlerFilter>();
                SwedishBindingMessages.Apply(options.ModelBindingMessageProvider);
            });
        services.AddPagesOnFirstRequest();
        services.Configure<ApiBehaviorOptions>(options => options.SuppressModelStateInvalidFilter = true);

        services.Configure<FormOptions>(options =>
        {
            options.MultipartBodyLengthLimit = MaxRequestBytes;
            options.ValueLengthLimit = (int)MaxRequestBytes;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBytes);

        services.AddProblemDetails();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer<Varn.Web.Api.ApiTokenSecurityScheme>());
        services.AddHealthChecks().AddDbContextCheck<VarnDbContext>("database");
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "varn.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Last, because antiforgery and authentication add data protection again: the key ring is read when a request
        // first needs it, not by the framework's hosted service, which reads it on the main thread while the host starts,
        // beside the database's start and before a new database has its tables (ADR 0027).
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == DataProtectionHostedService));
        return builder;
    }

    private const string DataProtectionHostedService = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";
}
