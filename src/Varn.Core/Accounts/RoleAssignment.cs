using Varn.Core.Organisation;

namespace Varn.Core.Accounts;

/// <summary>A role a person holds, scoped to a council or a unit where the role needs one. A person may hold several.</summary>
public class RoleAssignment
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public VarnUser? User { get; set; }
    public Role Role { get; set; }
    public int? CouncilId { get; set; }
    public Council? Council { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
}

public sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> e)
    {
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(40);
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Council).WithMany().OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Unit).WithMany().OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.UserId, x.Role, x.CouncilId, x.UnitId }).IsUnique();
    }
}
