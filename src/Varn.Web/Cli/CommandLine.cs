using System.CommandLine;

namespace Varn.Web.Cli;

/// <summary>
/// The administrator's command line: <c>dotnet run --project src/Varn.Web -- &lt;command&gt;</c>. It runs after the same
/// start-up as the server (migrations; demo data in demo mode) and exits non-zero with a message on failure.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["plans", "users", "audit", "reports", "backup", "restore"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var root = new RootCommand("Värn — kommandon för administratören")
        {
            PlansCommands.Create(services),
            AccountsCommands.Create(services),
            AuditCommands.Create(services),
            ReportsCommands.Create(services),
        };
        foreach (var command in DatabaseCommands.Create(services))
        {
            root.Subcommands.Add(command);
        }
        return await root.Parse(args).InvokeAsync();
    }
}
