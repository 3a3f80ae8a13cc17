using Varn.Web.Cli;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>Runs the administrator's command line against the app's own services, capturing what it prints.</summary>
public static class Commands
{
    public static async Task<(int Code, string Output)> RunWithInputAsync(this VarnFactory app, string input, params string[] args)
    {
        _ = app.Server;
        var output = new StringWriter();
        var (stdin, stdout, stderr) = (Console.In, Console.Out, Console.Error);
        Console.SetIn(new StringReader(input));
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            return (await CommandLine.RunAsync(app.Services, args), output.ToString());
        }
        finally
        {
            Console.SetIn(stdin);
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    public static Task<(int Code, string Output)> RunAsync(this VarnFactory app, params string[] args) => app.RunWithInputAsync("", args);
}
