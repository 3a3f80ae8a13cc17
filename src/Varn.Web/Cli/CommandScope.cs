using System.CommandLine;

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

    /// <summary>Sets what the command does: it runs in a scope of its own, acting for the operator.</summary>
    public static Command Runs(this Command command, IServiceProvider services, Func<IServiceProvider, ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = Create(services);
            return await action(scope.ServiceProvider, parse, cancellationToken);
        });
        return command;
    }
}
