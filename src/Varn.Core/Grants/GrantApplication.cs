using Varn.Core.Organisation;

namespace Varn.Core.Grants;

public enum GrantKind
{
    Grant,
    Premises,
}

public enum GrantDecision
{
    Pending,
    Approved,
    Rejected,
}

public enum ReclaimStatus
{
    Claimed,
    Repaid,
    WrittenOff,
}

/// <summary>The city's democracy criteria for grants and premises (C12); <see cref="Unaffiliated"/> applies to grants only.</summary>
public enum DemocracyCriterion
{
    DemocraticPrinciples,
    HumanRights,
    GenderEquality,
    Diversity,
    DistancesFromViolence,
    Unaffiliated,
}

/// <summary>An association that applies for grants or premises. Its organisation number is its identity in the register.</summary>
public class Association
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>NNNNNN-NNNN, checked by <see cref="OrganisationNumber"/>.</summary>
    public required string OrganisationNumber { get; set; }

    public bool IsSynthetic { get; set; }
}

/// <summary>An application for a grant or premises in a council and year: the democracy check, the decision, the accounting and any reclaim.</summary>
public class GrantApplication : IVersioned
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public int Year { get; set; }
    public GrantKind Kind { get; set; }
    public int AssociationId { get; set; }
    public Association? Association { get; set; }

    /// <summary>For a grant: the amount applied for, in kronor.</summary>
    public int? Amount { get; set; }

    /// <summary>For premises: which premises, and when ("Aulan, lördagar i mars").</summary>
    public string? Premises { get; set; }
    public string? PremisesWhen { get; set; }

    public List<GrantCriterion> Criteria { get; set; } = [];

    public GrantDecision Decision { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>The association's account of how the grant was used: when it came in, and whether it was approved.</summary>
    public DateOnly? AccountingReceivedOn { get; set; }
    public bool? AccountingApproved { get; set; }

    /// <summary>Set when violent extremism has been established and the grant is claimed back.</summary>
    public string? ReclaimReason { get; set; }
    public int? ReclaimAmount { get; set; }
    public DateOnly? ReclaimDate { get; set; }
    public ReclaimStatus? ReclaimStatus { get; set; }

    public bool IsSynthetic { get; set; }
    public int Version { get; set; }

    public bool Applies(DemocracyCriterion criterion) => criterion != DemocracyCriterion.Unaffiliated || Kind == GrantKind.Grant;
}

/// <summary>One criterion of an application's checklist: confirmed or not, with the officer's note.</summary>
public class GrantCriterion
{
    public int ApplicationId { get; set; }
    public DemocracyCriterion Criterion { get; set; }
    public bool Confirmed { get; set; }
    public string? Note { get; set; }
}

public sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.OrganisationNumber).HasMaxLength(11);
        e.HasIndex(x => x.OrganisationNumber).IsUnique();
    }
}

public sealed class GrantApplicationConfiguration : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> e)
    {
        e.ToTable("GrantApplications");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ReclaimStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Premises).HasMaxLength(200);
        e.Property(x => x.PremisesWhen).HasMaxLength(200);
        e.Property(x => x.DecisionNote).HasMaxLength(2000);
        e.Property(x => x.ReclaimReason).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Council).WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Association).WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CouncilId, x.Year });
    }
}

public sealed class GrantCriterionConfiguration : IEntityTypeConfiguration<GrantCriterion>
{
    public void Configure(EntityTypeBuilder<GrantCriterion> e)
    {
        e.ToTable("GrantCriteria");
        e.HasKey(x => new { x.ApplicationId, x.Criterion });
        e.Property(x => x.Criterion).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Note).HasMaxLength(1000);
    }
}
