using Varn.Core.Audit;
using Varn.Core.Organisation;

namespace Varn.Core.Surveys;

public enum RecipientKind
{
    Unit,
    External,
}

/// <summary>The kinds of external actors a council surveys (seed 002).</summary>
public enum ActorKind
{
    Association,
    HousingCompany,
    Congregation,
    PublicTransport,
    FireService,
    OtherAdministration,
    Other,
}

/// <summary>A council's survey for one year: who is invited, until when, with the wording it was opened with.</summary>
public class SurveyRound : IVersioned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public int Year { get; set; }

    /// <summary>The last day answers are taken.</summary>
    public DateOnly Closes { get; set; }

    public DateTime OpenedAt { get; set; }

    /// <summary>Set when a coordinator closes the round before its closing date.</summary>
    public DateTime? ClosedAt { get; set; }

    public int TemplateRevision { get; set; }
    public Dictionary<string, QuestionText> Texts { get; set; } = [];
    public List<SurveyInvitation> Invitations { get; set; } = [];
    public int Version { get; set; }

    public bool IsClosed(DateOnly today) => ClosedAt is not null || today > Closes;
}

/// <summary>
/// One recipient's single-use link. Only the SHA-256 hash of the link's token is kept, and of the answer only
/// whether there is one: nothing here leads to the answer (DESIGN §5 rule 7).
/// </summary>
public class SurveyInvitation
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public SurveyRound? Round { get; set; }
    public required string RecipientName { get; set; }
    public RecipientKind Kind { get; set; }
    public ActorKind? ActorKind { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>The recipient's work e-mail, for the invitation and reminders; optional when links are handed out by hand.</summary>
    public string? Email { get; set; }

    public required string TokenHash { get; set; }
    public bool Answered { get; set; }
}

/// <summary>
/// One answer, unlinkable by construction: a random key, the round and the kind of recipient (units and external actors
/// are reported apart), the answers — no token, recipient, invitation, address, browser or time. Stored in key order,
/// not arrival order (see <see cref="SurveyAnswering"/> and ADR 0011).
/// </summary>
public class SurveyAnswer : IAuditedElsewhere
{
    public Guid Id { get; set; }
    public int RoundId { get; set; }
    public RecipientKind Kind { get; set; }

    /// <summary>The structured answers as JSON: question code → option, options, or counts per environment.</summary>
    public required string Values { get; set; }

    public string? Comments { get; set; }

    /// <summary>Made up for the demo, and shown as such.</summary>
    public bool IsSynthetic { get; set; }
}

/// <summary>The answers counted per round, kind of recipient, question and option, kept in the transaction that stores each answer.</summary>
public class SurveyCount
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public RecipientKind Kind { get; set; }
    public required string Question { get; set; }
    public required string Option { get; set; }
    public int Count { get; set; }
}

public sealed class SurveyRoundConfiguration : IEntityTypeConfiguration<SurveyRound>
{
    public void Configure(EntityTypeBuilder<SurveyRound> e)
    {
        e.HasIndex(x => new { x.CouncilId, x.Year }).IsUnique();
        e.Property(x => x.Texts).HasConversion(SurveyTexts.Converter, SurveyTexts.Comparer).HasMaxLength(20_000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Invitations).WithOne(i => i.Round).HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> e)
    {
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => new { x.RoundId, x.Kind, x.RecipientName }).IsUnique();
        e.Property(x => x.RecipientName).HasMaxLength(200);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ActorKind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.HasOne(x => x.Unit).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasIndex(x => x.RoundId);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Values).HasMaxLength(4000);
        e.Property(x => x.Comments).HasMaxLength(4000);
        e.HasOne<SurveyRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyCountConfiguration : IEntityTypeConfiguration<SurveyCount>
{
    public void Configure(EntityTypeBuilder<SurveyCount> e)
    {
        e.HasIndex(x => new { x.RoundId, x.Kind, x.Question, x.Option }).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Question).HasMaxLength(40);
        e.Property(x => x.Option).HasMaxLength(40);
        e.HasOne<SurveyRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
