using Varn.Core.Plans;

namespace Varn.Core.FollowUp;

public enum IndicatorKind
{
    Output,
    Outcome,
}

/// <summary>The indicators Värn computes from its own data (C17), never typed.</summary>
public enum Computation
{
    TrainingCompletion,
    ForumVbeShare,
    SurveySufficientKnowledge,
    ReportsPerTenThousand,
    ActivitiesOnTime,
}

/// <summary>
/// An indicator of a plan (C17). A typed indicator carries its values per period; a computed one (<see cref="Computation"/>
/// set) carries only what a person decides — baseline, target, comment — and its values come from the data.
/// </summary>
public class Indicator : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Name { get; set; }
    public IndicatorKind Kind { get; set; }
    public Computation? Computation { get; set; }
    public string? Unit { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public decimal? T1 { get; set; }
    public decimal? T2 { get; set; }
    public decimal? Year { get; set; }
    public string? Source { get; set; }
    public string? Comment { get; set; }
    public int Version { get; set; }

    public decimal? ValueOf(RoundKind period) => period switch
    {
        RoundKind.T1 => T1,
        RoundKind.T2 => T2,
        _ => Year,
    };
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Computation).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Unit).HasMaxLength(50);
        e.Property(x => x.Source).HasMaxLength(300);
        e.Property(x => x.Comment).HasMaxLength(2000);
        foreach (var value in new[] { nameof(Indicator.Baseline), nameof(Indicator.Target), nameof(Indicator.T1), nameof(Indicator.T2), nameof(Indicator.Year) })
        {
            e.Property(value).HasPrecision(12, 2);
        }
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<ActionPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PlanId, x.Computation });
    }
}
