namespace Varn.Core.Audit;

/// <summary>Who is acting in this scope: the signed-in person, the command line, or the system itself.</summary>
public sealed class CurrentActor
{
    public string Name { get; private set; } = "system";
    public string? UserId { get; private set; }

    public void Set(string name, string? userId)
    {
        Name = name;
        UserId = userId;
    }
}
