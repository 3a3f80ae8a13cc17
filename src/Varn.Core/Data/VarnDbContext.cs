using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Varn.Core.Accounts;
using Varn.Core.Audit;
using Varn.Core.Competence;
using Varn.Core.Email;
using Varn.Core.Forums;
using Varn.Core.Grants;
using Varn.Core.Organisation;
using Varn.Core.Plans;
using Varn.Core.Reports;
using Varn.Core.Routine;
using Varn.Core.Surveys;

namespace Varn.Core.Data;

/// <summary>
/// Värn's database. Each entity's mapping is an <see cref="IEntityTypeConfiguration{TEntity}"/> beside the entity in
/// its feature's folder; this class only lists the sets and applies them.
/// </summary>
public class VarnDbContext(DbContextOptions<VarnDbContext> options) : IdentityUserContext<VarnUser>(options), IDataProtectionKeyContext
{
    /// <summary>Who the audit log names for this context's changes: the scope's actor, given when the scope takes the context from the pool.</summary>
    public CurrentActor Actor { get; set; } = new();

    /// <summary>The audited save in progress on this context, if any (<see cref="AuditInterceptor"/>).</summary>
    internal AuditSave? AuditSave { get; set; }

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<DeidentifiedReport> Reports => Set<DeidentifiedReport>();
    public DbSet<ReportTally> ReportTallies => Set<ReportTally>();
    public DbSet<ReportCategoryTally> ReportCategoryTallies => Set<ReportCategoryTally>();
    public DbSet<RoutineText> RoutineTexts => Set<RoutineText>();
    public DbSet<KnowledgeItem> KnowledgeItems => Set<KnowledgeItem>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<PoliceArea> PoliceAreas => Set<PoliceArea>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<ActionPlan> Plans => Set<ActionPlan>();
    public DbSet<PlanSection> PlanSections => Set<PlanSection>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<TemplateSection> TemplateSections => Set<TemplateSection>();
    public DbSet<SurveyTemplate> SurveyTemplates => Set<SurveyTemplate>();
    public DbSet<SurveyRound> SurveyRounds => Set<SurveyRound>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<SurveyCount> SurveyCounts => Set<SurveyCount>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Varn.Core.Jobs.JobRun> JobRuns => Set<Varn.Core.Jobs.JobRun>();
    public DbSet<Association> Associations => Set<Association>();
    public DbSet<GrantApplication> GrantApplications => Set<GrantApplication>();
    public DbSet<Forum> Forums => Set<Forum>();
    public DbSet<ForumMeeting> ForumMeetings => Set<ForumMeeting>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Completion> Completions => Set<Completion>();
    public DbSet<TrainingEvent> TrainingEvents => Set<TrainingEvent>();
    public DbSet<Situation.SituationInput> SituationInputs => Set<Situation.SituationInput>();
    public DbSet<Situation.StatisticsSource> StatisticsSources => Set<Situation.StatisticsSource>();
    public DbSet<Situation.StatisticsFigure> StatisticsFigures => Set<Situation.StatisticsFigure>();
    public DbSet<Situation.FrozenPicture> FrozenPictures => Set<Situation.FrozenPicture>();
    public DbSet<FollowUp.FollowUpRound> FollowUpRounds => Set<FollowUp.FollowUpRound>();
    public DbSet<FollowUp.FollowUpEntry> FollowUpEntries => Set<FollowUp.FollowUpEntry>();
    public DbSet<FollowUp.FollowUpDueDate> FollowUpDueDates => Set<FollowUp.FollowUpDueDate>();
    public DbSet<FollowUp.Indicator> Indicators => Set<FollowUp.Indicator>();
    public DbSet<Overview.Reminder> Reminders => Set<Overview.Reminder>();
    public DbSet<PlanApprovalDeadline> PlanApprovalDeadlines => Set<PlanApprovalDeadline>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VarnDbContext).Assembly);
    }
}
