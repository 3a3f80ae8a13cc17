namespace Varn.Core.Organisation;

public class Department
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public required string Name { get; set; }
    public List<Unit> Units { get; set; } = [];
}

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => new { x.CouncilId, x.Name }).IsUnique();
    }
}
