using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Varn.Budget;

/// <summary>One published app run as its own process, the way a city runs it: <c>dotnet App.dll --urls …</c>.</summary>
public sealed class Server : IAsyncDisposable
{
    private readonly Process process;

    private Server(Process process, Uri address, TimeSpan startup)
    {
        this.process = process;
        Address = address;
        Startup = startup;
    }

    public Uri Address { get; }

    /// <summary>From starting the process to the first 200 from <c>/healthz</c>.</summary>
    public TimeSpan Startup { get; }

    public int ProcessId => process.Id;

    public static async Task<Server> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, TimeSpan? patience = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [{Path.GetFileNameWithoutExtension(dll)}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = patience ?? TimeSpan.FromSeconds(120);
        while (clock.Elapsed < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{dll} stopped at start with exit code {process.ExitCode}.");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri(address, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new Server(process, address, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(5);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{dll} did not answer /healthz within {deadline.TotalSeconds} s.");
    }

    /// <summary>The process's peak resident memory (VmHWM) in MB.</summary>
    public double PeakRssMegabytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    /// <summary>Runs the app as a command (<c>dotnet App.dll users token …</c>) and returns its output's last line.</summary>
    public static async Task<string> CommandAsync(string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
        }
        return (await output).Trim().Split('\n')[^1].Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
