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
