using Varn.Core.Audit;
using Varn.Core.Organisation;

namespace Varn.Core.Reports;

/// <summary>
/// The "blankett för avidentifierad information" (DESIGN C7): what happened, where and when — never who. It keeps no
/// trace of the person who filed it beyond their unit, unless they leave a work contact for the coordinator.
/// </summary>
public class DeidentifiedReport : IVersioned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }

    /// <summary>The day it happened, or the first of the month when only the month is known.</summary>
    public DateOnly OccurredOn { get; set; }
    public bool MonthOnly { get; set; }

    public PlaceType PlaceType { get; set; }

    /// <summary>One row per category chosen, so that reports are filtered and counted by category in the database.</summary>
    public List<ReportCategoryChoice> CategoryChoices { get; set; } = [];
    public ExtremistEnvironment Environment { get; set; }
    public ReportSource Source { get; set; }

    /// <summary>Free text, checked by the personal-data guard before it is stored.</summary>
    public required string Description { get; set; }

    /// <summary>One row per action already taken.</summary>
    public List<ReportActionChoice> ActionChoices { get; set; } = [];

    /// <summary>The reporter's unit, if they chose one; never the reporter.</summary>
    public int? ReporterUnitId { get; set; }
    public Unit? ReporterUnit { get; set; }

    /// <summary>A work contact the reporter chose to leave for the coordinator (staff details, not the person reported on).</summary>
    public string? ReporterContact { get; set; }

    public DateTime SubmittedAt { get; set; }

    public Assessment? Assessment { get; set; }
    public string? AssessmentNote { get; set; }
    public DateTime? AssessedAt { get; set; }
    public string? AssessedBy { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>Demo data made up for the demo: labelled as such wherever it is shown.</summary>
    public bool IsSynthetic { get; set; }

    public int Version { get; set; }

    public int Quarter => (OccurredOn.Month - 1) / 3 + 1;

    public IReadOnlyList<ReportCategory> Categories => CategoryChoices.Select(c => c.Category).Order().ToList();

    public IReadOnlyList<ActionTaken> ActionsTaken => ActionChoices.Select(a => a.Action).Order().ToList();

    public void SetCategories(IEnumerable<ReportCategory> categories) =>
        CategoryChoices = categories.Distinct().Select(c => new ReportCategoryChoice { Category = c }).ToList();

    public void SetActionsTaken(IEnumerable<ActionTaken> actions) =>
        ActionChoices = actions.Distinct().Select(a => new ReportActionChoice { Action = a }).ToList();
}

public class ReportCategoryChoice : IAuditedElsewhere
{
    public int ReportId { get; set; }
    public ReportCategory Category { get; set; }
}

public class ReportActionChoice : IAuditedElsewhere
{
    public int ReportId { get; set; }
    public ActionTaken Action { get; set; }
}

public sealed class DeidentifiedReportConfiguration : IEntityTypeConfiguration<DeidentifiedReport>
{
    public void Configure(EntityTypeBuilder<DeidentifiedReport> e)
    {
        e.HasIndex(x => new { x.CouncilId, x.OccurredOn });
        e.HasIndex(x => x.AssessedAt);
        e.Property(x => x.PlaceType).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Environment).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Assessment).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.ReporterContact).HasMaxLength(200);
        e.Property(x => x.AssessmentNote).HasMaxLength(2000);
        e.Property(x => x.AssessedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Quarter);
        e.Ignore(x => x.Categories);
        e.Ignore(x => x.ActionsTaken);
        e.HasOne(x => x.ReporterUnit).WithMany().OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.CategoryChoices).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.ActionChoices).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.CategoryChoices).AutoInclude();
        e.Navigation(x => x.ActionChoices).AutoInclude();
    }
}

public sealed class ReportCategoryChoiceConfiguration : IEntityTypeConfiguration<ReportCategoryChoice>
{
    public void Configure(EntityTypeBuilder<ReportCategoryChoice> e)
    {
        e.ToTable("ReportCategories");
        e.HasKey(x => new { x.ReportId, x.Category });
        e.Property(x => x.Category).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(x => x.Category);
    }
}

public sealed class ReportActionChoiceConfiguration : IEntityTypeConfiguration<ReportActionChoice>
{
    public void Configure(EntityTypeBuilder<ReportActionChoice> e)
    {
        e.ToTable("ReportActions");
        e.HasKey(x => new { x.ReportId, x.Action });
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(40);
    }
}
