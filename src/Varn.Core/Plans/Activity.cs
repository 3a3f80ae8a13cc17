using Microsoft.EntityFrameworkCore.ChangeTracking;
using System.Text.Json;
using Varn.Core.Organisation;
using Varn.Core.Schedules;

namespace Varn.Core.Plans;

/// <summary>A row of a plan's activity table (aktivitet/åtgärd).</summary>
public class Activity : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan? Plan { get; set; }

    public ActivityArea Area { get; set; }

    /// <summary>The position within its area's table, from 1.</summary>
    public int Order { get; set; }

    public required string Text { get; set; }
    public string Responsible { get; set; } = "";
    public int? ResponsibleUnitId { get; set; }
    public Unit? ResponsibleUnit { get; set; }
    public List<string> Partners { get; set; } = [];

    /// <summary>The schedule as people wrote it; always kept and shown.</summary>
    public string? Schedule { get; private set; }
    public DateOnly? ScheduleStart { get; private set; }
    public DateOnly? ScheduleEnd { get; private set; }
    public bool ScheduleOngoing { get; private set; }
    public int? SchedulePerYear { get; private set; }
    public int? ScheduleEveryDays { get; private set; }
    public bool ScheduleIsParsed { get; private set; }

    public string? FollowUp { get; set; }
    public ActivityStatus Status { get; set; }
    public string? StatusComment { get; set; }

    /// <summary>The activity in last year's plan that this one was carried from by a revision.</summary>
    public int? CarriedFromId { get; set; }
    public Activity? CarriedFrom { get; set; }

    /// <summary>The register that measures this activity (C12–C14): a forum of the council, a course, or the council's grants register.</summary>
    public int? ForumId { get; set; }
    public int? CourseId { get; set; }
    public bool UsesGrantsRegister { get; set; }

    public int Version { get; set; }

    public void SetSchedule(string? raw)
    {
        Schedule = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
        var parsed = ScheduleParser.Parse(Schedule);
        ScheduleIsParsed = parsed is not null;
        ScheduleStart = parsed?.Start;
        ScheduleEnd = parsed?.End;
        ScheduleOngoing = parsed?.Ongoing ?? false;
        SchedulePerYear = parsed?.PerYear;
        ScheduleEveryDays = parsed?.EveryDays;
    }

    public ParsedSchedule? ParsedSchedule => ScheduleIsParsed
        ? new ParsedSchedule(ScheduleStart, ScheduleEnd, ScheduleOngoing, SchedulePerYear, ScheduleEveryDays)
        : null;
}

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> e)
    {
        e.HasIndex(x => new { x.PlanId, x.Area, x.Order });
        e.Property(x => x.Area).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.Responsible).HasMaxLength(1000);
        e.Property(x => x.Schedule).HasMaxLength(500);
        e.Property(x => x.FollowUp).HasMaxLength(1000);
        e.Property(x => x.StatusComment).HasMaxLength(4000);
        e.Property(x => x.Partners)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
                    v => v.ToList()))
            .HasMaxLength(4000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.CarriedFrom).WithMany().OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.ResponsibleUnit).WithMany().OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Forums.Forum>().WithMany().HasForeignKey(x => x.ForumId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Competence.Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.SetNull);
    }
}
