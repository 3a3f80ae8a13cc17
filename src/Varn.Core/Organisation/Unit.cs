namespace Varn.Core.Organisation;

public class Unit
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public required string Name { get; set; }
}
