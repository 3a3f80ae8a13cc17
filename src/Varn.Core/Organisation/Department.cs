namespace Varn.Core.Organisation;

public class Department
{
    public int Id { get; set; }
    public int CouncilId { get; set; }
    public Council? Council { get; set; }
    public required string Name { get; set; }
    public List<Unit> Units { get; set; } = [];
}
