using Varn.Core.Organisation;

namespace Varn.Core.Plans;

/// <summary>A council's action plan against violent extremism for one year (handlingsplan).</summary>
public class ActionPlan : IVersioned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Diarienummer { get; set; }
    public PlanStage Stage { get; set; }

    /// <summary>The date the council treated the plan (behandlad i nämnd).</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>The date the city executive board approved the plan.</summary>
    public DateOnly? ApprovedOn { get; set; }

    /// <summary>The plan this one was revised from (last year's), if any.</summary>
    public int? RevisedFromId { get; set; }
    public ActionPlan? RevisedFrom { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: bumped on every save of the plan row.</summary>
    public int Version { get; set; }

    public List<PlanSection> Sections { get; set; } = [];
    public List<Activity> Activities { get; set; } = [];
    public List<StageChange> StageChanges { get; set; } = [];

    public static string DefaultTitle(string councilName, int year) =>
        $"{Genitive(councilName)} handlingsplan mot våldsbejakande extremism {year}";

    /// <summary>"Skärholmens stadsdelsnämnd" → "Skärholmens stadsdelsnämnds"; names ending in s stay as they are.</summary>
    public static string Genitive(string name) =>
        name.EndsWith('s') || name.EndsWith('x') || name.EndsWith('z') ? name : name + "s";
}

public sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> e)
    {
        e.ToTable("Plans");
        e.HasIndex(x => new { x.CouncilId, x.Year }).IsUnique();
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.Diarienummer).HasMaxLength(100);
        e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.RevisedFrom).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}
