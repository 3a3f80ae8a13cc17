using Varn.Core.Organisation;

namespace Varn.Core.Competence;

/// <summary>A course in the city's list (the central coordinator keeps it), e.g. the mandatory web-based basic course.</summary>
public class Course
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool Mandatory { get; set; }
}

/// <summary>One unit's figures for one course and year: how many staff, how many have completed it. Never names.</summary>
public class Completion
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int CourseId { get; set; }
    public Course? Course { get; set; }
    public int Year { get; set; }
    public int Staff { get; set; }
    public int Completed { get; set; }
    public bool IsSynthetic { get; set; }
}

/// <summary>A training event of the council (an "infonämnd" for the politicians, a staff day): when, for whom, how many came.</summary>
public class TrainingEvent
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Audience { get; set; }
    public int Participants { get; set; }
    public bool IsSynthetic { get; set; }
}

public sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Name).IsUnique();
    }
}

public sealed class CompletionConfiguration : IEntityTypeConfiguration<Completion>
{
    public void Configure(EntityTypeBuilder<Completion> e)
    {
        e.ToTable("Completions", t => t.HasCheckConstraint("CK_Completions_Counts", "\"Staff\" >= 0 AND \"Completed\" >= 0 AND \"Completed\" <= \"Staff\""));
        e.HasIndex(x => new { x.UnitId, x.CourseId, x.Year }).IsUnique();
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TrainingEventConfiguration : IEntityTypeConfiguration<TrainingEvent>
{
    public void Configure(EntityTypeBuilder<TrainingEvent> e)
    {
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Audience).HasMaxLength(200);
        e.HasIndex(x => new { x.CouncilId, x.Date });
    }
}
