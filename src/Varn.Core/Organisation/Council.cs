namespace Varn.Core.Organisation;

public enum CouncilKind
{
    District,
    Specialist,
    Central,
}

public class Council
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }

    public required string Name { get; set; }

    /// <summary>The URL name of DESIGN §8, e.g. "skarholmen"; unique within the installation.</summary>
    public required string Short { get; set; }

    public CouncilKind Kind { get; set; }
    public int? Population { get; set; }

    public int? PoliceAreaId { get; set; }
    public PoliceArea? PoliceArea { get; set; }

    public List<Department> Departments { get; set; } = [];
    public List<Unit> Units { get; set; } = [];
}

public sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Short).HasMaxLength(100);
        e.HasIndex(x => x.Short).IsUnique();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
