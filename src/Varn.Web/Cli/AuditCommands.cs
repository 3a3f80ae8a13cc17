using System.CommandLine;

namespace Varn.Web.Cli;

public static class AuditCommands
{
    public static Command Create(IServiceProvider services)
    {
        var audit = new Command("audit", "Granskningsloggen");
        var verify = new Command("verify", "Räkna om loggens kedja av kontrollsummor; avslutar med 1 om en rad har ändrats eller saknas");
        verify.Runs(services, async (scope, _, cancellationToken) =>
        {
            var result = await AuditLog.VerifyAsync(scope.GetRequiredService<VarnDbContext>(), cancellationToken);
            (result.Intact ? Console.Out : Console.Error).WriteLine(result.Message);
            return result.Intact ? 0 : 1;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }
}
