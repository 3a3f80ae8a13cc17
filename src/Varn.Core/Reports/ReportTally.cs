using Varn.Core.Organisation;

namespace Varn.Core.Reports;

/// <summary>What both kinds of kept counts are counted by: council, year and quarter the reports happened, environment, assessment.</summary>
public abstract class ReportCountRow
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public ExtremistEnvironment Environment { get; set; }
    public Assessment Assessment { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// Assessed reports counted once each, per council, year and quarter they happened, environment, place type, source
/// and assessment. Maintained by <see cref="ReportTallies"/> in the transaction that assesses; retention deletes reports
/// and leaves these counts as they are.
/// </summary>
public class ReportTally : ReportCountRow
{
    public PlaceType PlaceType { get; set; }
    public ReportSource Source { get; set; }
}

/// <summary>Assessed reports counted per category: a report with two categories counts once under each of them.</summary>
public class ReportCategoryTally : ReportCountRow
{
    public ReportCategory Category { get; set; }
}

public sealed class ReportTallyConfiguration : IEntityTypeConfiguration<ReportTally>
{
    public void Configure(EntityTypeBuilder<ReportTally> e)
    {
        e.ToTable("ReportTallies");
        e.HasIndex(x => new { x.CouncilId, x.Year, x.Quarter, x.Environment, x.PlaceType, x.Source, x.Assessment }).IsUnique();
        e.Property(x => x.Environment).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.PlaceType).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Assessment).HasConversion<string>().HasMaxLength(40);
    }
}

public sealed class ReportCategoryTallyConfiguration : IEntityTypeConfiguration<ReportCategoryTally>
{
    public void Configure(EntityTypeBuilder<ReportCategoryTally> e)
    {
        e.ToTable("ReportCategoryTallies");
        e.HasIndex(x => new { x.CouncilId, x.Year, x.Quarter, x.Environment, x.Category, x.Assessment }).IsUnique();
        e.Property(x => x.Environment).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Category).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Assessment).HasConversion<string>().HasMaxLength(40);
    }
}
