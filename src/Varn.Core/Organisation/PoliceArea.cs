namespace Varn.Core.Organisation;

public class PoliceArea
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Council> Councils { get; set; } = [];
}
