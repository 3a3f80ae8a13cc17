namespace Varn.Core.Plans;

/// <summary>One text section of a plan, in Markdown.</summary>
public class PlanSection : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan? Plan { get; set; }
    public SectionKey Key { get; set; }
    public string Text { get; set; } = "";
    public int Version { get; set; }
}

public sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> e)
    {
        e.HasIndex(x => new { x.PlanId, x.Key }).IsUnique();
        e.Property(x => x.Key).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
