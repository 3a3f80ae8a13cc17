namespace Varn.Core.Plans;

/// <summary>The date by which the central coordinator wants every council's plan of a year approved by the city executive board.</summary>
public class PlanApprovalDeadline
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DateOnly ApproveBy { get; set; }
}

public sealed class PlanApprovalDeadlineConfiguration : IEntityTypeConfiguration<PlanApprovalDeadline>
{
    public void Configure(EntityTypeBuilder<PlanApprovalDeadline> e) => e.HasIndex(x => x.Year).IsUnique();
}
