namespace Varn.Core.Organisation;

public class Municipality
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Council> Councils { get; set; } = [];
}
