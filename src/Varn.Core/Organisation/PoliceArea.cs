namespace Varn.Core.Organisation;

public class PoliceArea
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Council> Councils { get; set; } = [];
}

public sealed class PoliceAreaConfiguration : IEntityTypeConfiguration<PoliceArea>
{
    public void Configure(EntityTypeBuilder<PoliceArea> e) => e.Property(x => x.Name).HasMaxLength(200);
}
