using Varn.Core.Organisation;
using Varn.Core.Reports;

namespace Varn.Core.Situation;

/// <summary>
/// What a council brings to its local situation picture for a plan year beside the reports (DESIGN C9): the period it
/// covers, the police assessment, the number of concern reports with VBE elements, the population, and the
/// coordinator's own text (findings as edited, mapping, analysis).
/// </summary>
public class SituationInput : IVersioned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public int Year { get; set; }

    /// <summary>The period the report counts cover; by default the previous calendar year and this year to date.</summary>
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }

    /// <summary>The police's assessment as text, through the personal-data guard: places and phenomena, never people.</summary>
    public string? PoliceText { get; set; }

    public List<PoliceCount> PoliceCounts { get; set; } = [];

    /// <summary>Orosanmälningar with VBE elements in the period.</summary>
    public int? ConcernReports { get; set; }

    /// <summary>Inhabitants this year; the council's figure in the organisation register when not given.</summary>
    public int? Population { get; set; }

    /// <summary>"Följande har framkommit" as the coordinator edited it, one finding per line; null while only drafted.</summary>
    public string? Findings { get; set; }

    public string? Mapping { get; set; }
    public string? Analysis { get; set; }

    public int Version { get; set; }
}

/// <summary>The police's count of events or persons of concern per environment — a number, never who.</summary>
public class PoliceCount : Audit.IAuditedElsewhere
{
    public int SituationInputId { get; set; }
    public ExtremistEnvironment Environment { get; set; }
    public int Count { get; set; }
}

/// <summary>A source of external statistics the city's councils report from (IA, graffiti statistics …), kept by the central coordinator.</summary>
public class StatisticsSource
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Order { get; set; }
}

/// <summary>One council's figure from one source for a plan year.</summary>
public class StatisticsFigure
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public int Year { get; set; }
    public int SourceId { get; set; }
    public StatisticsSource? Source { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// The external statistics the councils' pictures draw on (DESIGN C9), as the city's list starts: written by the
/// migration that made the table, so that existing databases get them too; the central coordinator keeps the list after.
/// </summary>
public static class DefaultStatisticsSources
{
    public static readonly (string Name, string Description)[] All =
    [
        ("IA – ärenden", "Ärenden i incidentrapporteringssystemet IA under året."),
        ("IA – varav VBE-relaterade", "Av ärendena i IA: de som gäller våldsbejakande extremism."),
        ("IA – varav felregistrerade", "Av de VBE-relaterade ärendena i IA: de som visade sig vara felregistrerade."),
        ("SISAB – klotter med extremistiska budskap", "Skolfastigheters klotterstatistik: sanerat klotter med extremistiska budskap."),
        ("Trafikkontoret – klotter med extremistiska budskap", "Trafikkontorets klotterstatistik: sanerat klotter med extremistiska budskap."),
        ("Rapporter från fackförvaltningarna", "Händelser som fackförvaltningarna rapporterat till stadsdelsförvaltningen."),
    ];

    /// <summary>Rows for a migration's InsertData: name, description, order.</summary>
    public static object[,] Rows()
    {
        var rows = new object[All.Length, 3];
        for (var i = 0; i < All.Length; i++)
        {
            (rows[i, 0], rows[i, 1], rows[i, 2]) = (All[i].Name, All[i].Description, i);
        }
        return rows;
    }
}

public sealed class SituationInputConfiguration : IEntityTypeConfiguration<SituationInput>
{
    public void Configure(EntityTypeBuilder<SituationInput> e)
    {
        e.HasIndex(x => new { x.CouncilId, x.Year }).IsUnique();
        e.Property(x => x.PoliceText).HasMaxLength(4000);
        e.Property(x => x.Findings).HasMaxLength(8000);
        e.Property(x => x.Mapping).HasMaxLength(20000);
        e.Property(x => x.Analysis).HasMaxLength(20000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.PoliceCounts).WithOne().HasForeignKey(c => c.SituationInputId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.PoliceCounts).AutoInclude();
    }
}

public sealed class PoliceCountConfiguration : IEntityTypeConfiguration<PoliceCount>
{
    public void Configure(EntityTypeBuilder<PoliceCount> e)
    {
        e.ToTable("PoliceCounts");
        e.HasKey(x => new { x.SituationInputId, x.Environment });
        e.Property(x => x.Environment).HasConversion<string>().HasMaxLength(40);
    }
}

public sealed class StatisticsSourceConfiguration : IEntityTypeConfiguration<StatisticsSource>
{
    public void Configure(EntityTypeBuilder<StatisticsSource> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(1000);
        e.HasIndex(x => x.Name).IsUnique();
    }
}

public sealed class StatisticsFigureConfiguration : IEntityTypeConfiguration<StatisticsFigure>
{
    public void Configure(EntityTypeBuilder<StatisticsFigure> e)
    {
        e.HasIndex(x => new { x.CouncilId, x.Year, x.SourceId }).IsUnique();
        e.HasOne(x => x.Source).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The picture as it was when the council's plan for the year was approved, for the coordinators (exact) and for every
/// other reader (protected): later reports and edits do not change it.
/// </summary>
public class FrozenPicture
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public int Year { get; set; }
    public DateTime FrozenAt { get; set; }
    public required string Exact { get; set; }
    public required string Protected { get; set; }
}

public sealed class FrozenPictureConfiguration : IEntityTypeConfiguration<FrozenPicture>
{
    public void Configure(EntityTypeBuilder<FrozenPicture> e) => e.HasIndex(x => new { x.CouncilId, x.Year }).IsUnique();
}
