using Varn.Core.Organisation;
using Varn.Core.Schedules;

namespace Varn.Core.Forums;

public enum ForumKind
{
    Tsr,
    Sspf,
    Sig,
    Ppss,
    Bra,
    SteeringGroup,
    PoliceAgreement,
    Other,
}

/// <summary>
/// A cooperation forum of a council (C13): TSR, SSPF, the police agreement … with its owner, its members as
/// organisations and roles (never private persons), and how often it is meant to meet, as the plans write it.
/// </summary>
public class Forum : IVersioned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public required string Name { get; set; }
    public ForumKind Kind { get; set; }

    /// <summary>Who convenes it, as a role or organisation ("Stadsdelsdirektören").</summary>
    public string? Owner { get; set; }

    /// <summary>Members as organisations or roles, one per line ("Polisen, kommunpolis").</summary>
    public string? Members { get; set; }

    /// <summary>The planned frequency as written ("4 ggr/år", "var 14:e dag"), read by the schedule parser.</summary>
    public string? Frequency { get; set; }

    public List<ForumMeeting> Meetings { get; set; } = [];
    public bool IsSynthetic { get; set; }
    public int Version { get; set; }

    /// <summary>Meetings expected in a whole year from <see cref="Frequency"/>: "4 ggr/år" → 4, "var 14:e dag" → 26; null when it says no number.</summary>
    public int? PlannedPerYear => ScheduleParser.Parse(Frequency)?.TimesPerYear;
}

/// <summary>A meeting of a forum: when, whether violent extremism was on the agenda, and a note that passed the guard.</summary>
public class ForumMeeting
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public DateOnly Date { get; set; }
    public bool VbeOnAgenda { get; set; }
    public string? Note { get; set; }
}

/// <summary>A forum's year: meetings held against planned, and how many had violent extremism on the agenda.</summary>
public sealed record ForumYear(int Year, int? Planned, int Held, int VbeOnAgenda)
{
    /// <summary>The share of held meetings with VBE on the agenda, in whole percent; null when none were held.</summary>
    public int? VbeShare => Held == 0 ? null : (int)Math.Round(100.0 * VbeOnAgenda / Held, MidpointRounding.AwayFromZero);

    /// <summary>Every year with a meeting, and this year, newest first.</summary>
    public static IReadOnlyList<ForumYear> Years(Forum forum, int thisYear) =>
        forum.Meetings.Select(m => m.Date.Year).Append(thisYear).Distinct().OrderDescending().Select(year => For(forum, year)).ToList();

    public static ForumYear For(Forum forum, int year) =>
        new(year, forum.PlannedPerYear, forum.Meetings.Count(m => m.Date.Year == year), forum.Meetings.Count(m => m.Date.Year == year && m.VbeOnAgenda));
}

public sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Owner).HasMaxLength(200);
        e.Property(x => x.Members).HasMaxLength(2000);
        e.Property(x => x.Frequency).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Council).WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Meetings).WithOne().HasForeignKey(x => x.ForumId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CouncilId, x.Name }).IsUnique();
    }
}

public sealed class ForumMeetingConfiguration : IEntityTypeConfiguration<ForumMeeting>
{
    public void Configure(EntityTypeBuilder<ForumMeeting> e)
    {
        e.Property(x => x.Note).HasMaxLength(2000);
        e.HasIndex(x => new { x.ForumId, x.Date });
    }
}
