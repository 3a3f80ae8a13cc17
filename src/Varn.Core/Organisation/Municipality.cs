namespace Varn.Core.Organisation;

public class Municipality
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Council> Councils { get; set; } = [];
}

public sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> e) => e.Property(x => x.Name).HasMaxLength(200);
}
