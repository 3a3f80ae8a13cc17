
namespace Varn.Web.Cli;

public static class CommandScope
{
    public static string Operator => $"kommandoraden ({Environment.UserName})";

    /// <summary>A service scope acting for the operator, whose changes are recorded in the audit log as made from the command line.</summary>
    public static AsyncServiceScope Create(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Operator, null);
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator(Operator);
        return scope;
    }
}
