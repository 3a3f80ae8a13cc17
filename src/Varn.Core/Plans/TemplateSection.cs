using Varn.Core.Organisation;

namespace Varn.Core.Plans;

/// <summary>The city's template text for a section; new plans start from it. Kept by the central coordinator.</summary>
public class TemplateSection : IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public SectionKey Key { get; set; }
    public string Text { get; set; } = "";
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class TemplateSectionConfiguration : IEntityTypeConfiguration<TemplateSection>
{
    public void Configure(EntityTypeBuilder<TemplateSection> e)
    {
        e.HasIndex(x => new { x.MunicipalityId, x.Key }).IsUnique();
        e.Property(x => x.Key).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
