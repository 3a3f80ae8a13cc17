using Varn.Web.Cli;
using Varn.Web.Startup;

var isCommand = CommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
if (isCommand)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}
builder.AddVarn();

var app = builder.Build();
app.UseVarn();
await AppStartup.InitializeAsync(app.Services);

if (isCommand)
{
    return await CommandLine.RunAsync(app.Services, args);
}

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
