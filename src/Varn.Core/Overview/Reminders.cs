using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varn.Core.Accounts;
using Varn.Core.Email;
using Varn.Core.FollowUp;
using Varn.Core.Jobs;
using Varn.Core.Surveys;

namespace Varn.Core.Overview;

/// <summary>The settings under <c>Varn:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Varn:Reminders";

    /// <summary>Whether the daily reminder run happens in the background.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many days before a round is due, or a survey closes, the reminder goes out.</summary>
    public int DaysBefore { get; set; } = 7;

    /// <summary>A report waiting this many days for assessment reminds the council's coordinators.</summary>
    public int ReportsWaitingDays { get; set; } = 14;
}

/// <summary>A reminder sent to a person: once per person, kind and deadline (the unique key), and what it said.</summary>
public class Reminder
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public required string Deadline { get; set; }
    public required string Subject { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.Deadline).HasMaxLength(100);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.HasIndex(x => new { x.UserId, x.Kind, x.Deadline }).IsUnique();
        e.HasOne<VarnUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Writes the reminders of deadlines to the outbox (C18): a round due within <see cref="ReminderOptions.DaysBefore"/>
/// days (to the unit managers of its activities and the council's coordinators), a survey closing with recipients who
/// have not answered (to the coordinators), reports waiting longer than <see cref="ReminderOptions.ReportsWaitingDays"/>
/// days (to the coordinators), a plan not yet approved when the date the central coordinator set for the year is near
/// (to the council's coordinators). Each person gets each reminder once; a second run sends nothing new.
/// </summary>
public sealed class Reminders(VarnDbContext db, Outbox outbox, FollowUpRounds rounds, IOptions<ReminderOptions> options, IOptions<EmailOptions> email, TimeProvider clock)
{
    /// <summary>An address in Värn as the mail gives it: absolute when the public address is configured.</summary>
    private string Link(string path) => $"{email.Value.PublicUrl?.TrimEnd('/')}{path}";

    private sealed record Due(string Kind, string Deadline, string Subject, string Body, IReadOnlyCollection<string> UserIds);

    /// <summary>Queues what is due today and not sent before; returns how many reminders were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!outbox.Enabled)
        {
            return 0;
        }
        var today = clock.Today();
        var settings = options.Value;
        var assignments = await db.RoleAssignments.AsNoTracking().ToListAsync(cancellationToken);
        IReadOnlyCollection<string> Coordinators(int councilId) =>
            assignments.Where(a => a.Role == Role.LocalCoordinator && a.CouncilId == councilId).Select(a => a.UserId).ToHashSet();
        var due = new List<Due>();

        foreach (var round in await db.FollowUpRounds.AsNoTracking().Include(r => r.Plan).ThenInclude(p => p!.Council).Where(r => r.State == RoundState.Open).ToListAsync(cancellationToken))
        {
            var plan = round.Plan!;
            var date = await rounds.DueAsync(plan.Year, round.Kind, cancellationToken);
            if (date < today || date > today.AddDays(settings.DaysBefore))
            {
                continue;
            }
            var units = await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id && a.ResponsibleUnitId != null).Select(a => a.ResponsibleUnitId!.Value).Distinct().ToListAsync(cancellationToken);
            var people = assignments.Where(a => a.Role == Role.UnitManager && a.UnitId is { } unit && units.Contains(unit)).Select(a => a.UserId).Concat(Coordinators(plan.CouncilId)).ToHashSet();
            due.Add(new Due("round", $"round:{round.Id}:{date:yyyy-MM-dd}",
                $"Påminnelse: {round.Kind.Label().ToLowerInvariant()} {plan.Year} ska lämnas in senast {date:yyyy-MM-dd}",
                $"Uppföljningen av {plan.Council!.Name}s plan {plan.Year} ({round.Kind.Label().ToLowerInvariant()}) ska lämnas in senast {date:yyyy-MM-dd}. Fyll i status och kommentar för dina aktiviteter i Värn: {Link($"{Plans.PlanGuard.PathOf(plan.Council.Short, plan.Year)}/uppfoljning/{round.Kind.Code()}")}",
                people));
        }

        foreach (var survey in await db.SurveyRounds.AsNoTracking().Include(r => r.Council).Where(r => r.ClosedAt == null && r.Closes >= today).ToListAsync(cancellationToken))
        {
            if (survey.Closes > today.AddDays(settings.DaysBefore))
            {
                continue;
            }
            var unanswered = await db.SurveyInvitations.CountAsync(i => i.RoundId == survey.Id && !i.Answered, cancellationToken);
            if (unanswered > 0)
            {
                due.Add(new Due("survey", $"survey:{survey.Id}:{survey.Closes:yyyy-MM-dd}",
                    $"Påminnelse: enkäten {survey.Year} stänger {survey.Closes:yyyy-MM-dd}",
                    $"Enkäten {survey.Year} för {survey.Council!.Name} stänger {survey.Closes:yyyy-MM-dd} och {unanswered} mottagare har inte svarat. Påminn dem från enkätens sida i Värn: {Link($"/enkater/{survey.Council.Short}/{survey.Year}")}",
                    Coordinators(survey.CouncilId)));
            }
        }

        var limit = clock.GetUtcNow().UtcDateTime.AddDays(-settings.ReportsWaitingDays);
        var waiting = await db.Reports.AsNoTracking().Where(r => r.Assessment == null && r.ClosedAt == null && r.SubmittedAt < limit)
            .GroupBy(r => r.CouncilId).Select(g => new { Council = g.Key, Count = g.Count(), Oldest = g.Min(r => r.SubmittedAt) }).ToListAsync(cancellationToken);
        foreach (var council in waiting)
        {
            var since = DateOnly.FromDateTime(council.Oldest).AddDays(settings.ReportsWaitingDays);
            due.Add(new Due("reports", $"reports:{council.Council}:{since:yyyy-MM-dd}",
                $"Påminnelse: {council.Count} rapporter har väntat mer än {settings.ReportsWaitingDays} dagar på bedömning",
                $"{council.Count} rapporter har väntat mer än {settings.ReportsWaitingDays} dagar på bedömning. Bedöm dem i Värn: {Link("/rapporter")}",
                Coordinators(council.Council)));
        }

        foreach (var deadline in await db.PlanApprovalDeadlines.AsNoTracking().Where(d => d.ApproveBy >= today).ToListAsync(cancellationToken))
        {
            if (deadline.ApproveBy > today.AddDays(settings.DaysBefore))
            {
                continue;
            }
            var approved = (await db.Plans.AsNoTracking().Where(p => p.Year == deadline.Year && (p.Stage == Plans.PlanStage.Approved || p.Stage == Plans.PlanStage.Superseded))
                .Select(p => p.CouncilId).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var council in await db.Councils.AsNoTracking().Where(c => !approved.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                due.Add(new Due("plan", $"plan:{council.Id}:{deadline.Year}:{deadline.ApproveBy:yyyy-MM-dd}",
                    $"Påminnelse: planen {deadline.Year} ska vara godkänd senast {deadline.ApproveBy:yyyy-MM-dd}",
                    $"{council.Name}s handlingsplan {deadline.Year} ska vara godkänd av kommunstyrelsen senast {deadline.ApproveBy:yyyy-MM-dd} och är det inte ännu. Planerna i Värn: {Link("/planer")}",
                    Coordinators(council.Id)));
            }
        }

        var emails = await db.Users.AsNoTracking().Where(u => u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        var sent = (await db.Reminders.AsNoTracking().Select(r => new { r.UserId, r.Kind, r.Deadline }).ToListAsync(cancellationToken))
            .Select(r => (r.UserId, r.Kind, r.Deadline)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var reminder in due)
        {
            foreach (var user in reminder.UserIds.Where(u => emails.ContainsKey(u) && !sent.Contains((u, reminder.Kind, reminder.Deadline))))
            {
                db.Reminders.Add(new Reminder { UserId = user, Kind = reminder.Kind, Deadline = reminder.Deadline, Subject = reminder.Subject, CreatedAt = now });
                outbox.Queue($"reminder.{reminder.Kind}", emails[user], reminder.Subject, reminder.Body);
                queued++;
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another instance sent the same reminders in the same moment: theirs stand, nothing of this run is saved.
            db.ChangeTracker.Clear();
            return 0;
        }
        return queued;
    }
}

/// <summary>Runs the reminders once a day, the first time ten minutes after start; with several instances the first to claim the day runs them.</summary>
public sealed class ReminderJob(IServiceProvider services, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderJob> logger) : BackgroundService
{
    public async Task<int?> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Audit.CurrentActor>().Set("påminnelser (automatiska)", null);
        var db = scope.ServiceProvider.GetRequiredService<VarnDbContext>();
        if (!await JobClaims.TryClaimAsync(db, "reminders", clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), clock, cancellationToken))
        {
            return null;
        }
        var queued = await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(cancellationToken);
        logger.LogInformation("Reminders: {Count} queued.", queued);
        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(10), stoppingToken);
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
