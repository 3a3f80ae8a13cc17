using Microsoft.Extensions.Logging.Console;
using Varn.Web.Cli;
using Varn.Web.Startup;

NativeHeap.Limit();
var isCommand = CommandLine.IsCommand(args);
// The content root (appsettings.json, wwwroot) is the app's own folder, wherever it is started from: `dotnet run`
// works in the caller's directory, so that relative paths on the command line and data/varn.db are the caller's.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = isCommand ? [] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
if (isCommand)
{
    // A command's standard output is its answer, read by scripts (`users token` prints a token on its last line): the
    // log goes to standard error, and only warnings and errors are written. The console logger writes from a thread of
    // its own, so a log line on standard output could land after the answer.
    builder.Logging.AddFilter(level => level >= LogLevel.Warning);
    builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}
DatabaseSetup.BuildModelInBackground(builder.Configuration);
builder.AddVarn();

var app = builder.Build();
if (isCommand)
{
    // A command needs the database, not the request pipeline: building the pages' routes would cost it a third of a second.
    await AppStartup.InitializeAsync(app.Services);
    return await CommandLine.RunAsync(app.Services, args);
}

// The database is brought up to date on another thread while the request pipeline is built and the host starts; no
// request is served and the host does not count as started before it is done (ADR 0027).
app.Services.GetRequiredService<DatabaseStart>().Begin();
app.UseVarn();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
