using Varn.Core.Audit;

namespace Varn.Web.Cli;

public static class CommandScope
{
    public static string Operator => $"kommandoraden ({Environment.UserName})";

    /// <summary>A service scope whose changes are recorded in the audit log as made from the command line.</summary>
    public static AsyncServiceScope Create(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Operator, null);
        return scope;
    }
}
