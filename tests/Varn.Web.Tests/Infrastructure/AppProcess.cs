using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>Värn run as its own process (<c>dotnet Varn.Web.dll</c>, the build beside these tests), for what an in-process host cannot show: a killed process, a start.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The web app's build of the same configuration as the tests (src/Varn.Web/bin/…/Varn.Web.dll).</summary>
    public static string Dll
    {
        get
        {
            var tests = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var configuration = tests.Parent!.Name;
            return Path.Combine(Repository.Root, "src", "Varn.Web", "bin", configuration, tests.Name, "Varn.Web.dll");
        }
    }

    /// <summary>What the process has written on standard output so far, line by line.</summary>
    public IReadOnlyCollection<string> Output => output;

    /// <summary>Starts Värn and returns once it answers <c>/healthz</c>.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var app = Launch(environment);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await app.WaitForAsync("answer /healthz", async () => (await probe.GetAsync(new Uri(app.Address, "/healthz"))).StatusCode == HttpStatusCode.OK);
        return app;
    }

    /// <summary>Starts Värn and returns as soon as its port accepts a connection, whatever it would answer then.</summary>
    public static async Task<AppProcess> ListeningAsync(IReadOnlyDictionary<string, string> environment)
    {
        var app = Launch(environment);
        await app.WaitForAsync("accept a connection", async () =>
        {
            using var connection = new TcpClient();
            await connection.ConnectAsync(app.Address.Host, app.Address.Port);
            return true;
        });
        return app;
    }

    private static AppProcess Launch(IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var app = new AppProcess(Process.Start(Info(environment, [Dll, "--urls", address.ToString()]))!, address);
        app.process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                app.output.Enqueue(line.Data);
            }
        };
        app.process.ErrorDataReceived += (_, _) => { };
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        return app;
    }

    private async Task WaitForAsync(string what, Func<Task<bool>> ready)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(process.HasExited, $"Värn stopped at start with exit code {(process.HasExited ? process.ExitCode : 0)}.");
            try
            {
                if (await ready())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or SocketException)
            {
            }
            await Task.Delay(10);
        }
        await DisposeAsync();
        throw new TimeoutException($"Värn did not {what} within 90 s.");
    }

    /// <summary>Runs a command (<c>users token …</c>), or a server that should stop by itself, to its end and returns its exit code, standard output and standard error.</summary>
    public static async Task<(int Code, string Output, string Errors)> CommandAsync(IReadOnlyDictionary<string, string> environment, string input, params string[] arguments)
    {
        var info = Info(environment, [Dll, .. arguments]);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"Värn {string.Join(' ', arguments)} did not end within two minutes.");
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, nothing the process can do about it.</summary>
    public void Kill() => process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static ProcessStartInfo Info(IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
