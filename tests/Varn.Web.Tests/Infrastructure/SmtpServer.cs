using System.Diagnostics;
using System.Net.Sockets;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the e-mail tests: aiosmtpd (Debian's python3-aiosmtpd, installed by test.sh) on a free
/// loopback port, delivering every message into a Maildir the test reads. Fails, never skips, when it cannot start.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process process;

    public int Port { get; }
    public string Maildir { get; } = Path.Combine(Directory.CreateTempSubdirectory("varn-smtp-").FullName, "mail");

    public SmtpServer()
    {
        Port = FreePort();
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Listening(Port))
        {
            if (process.HasExited)
            {
                Assert.Fail($"aiosmtpd stopped: {process.StandardError.ReadToEnd()} Run ./test.sh, which installs python3-aiosmtpd.");
            }
            Assert.True(DateTime.UtcNow < deadline, "aiosmtpd did not start listening within 20 seconds.");
            Thread.Sleep(100);
        }
    }

    /// <summary>The messages delivered so far.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Order().Select(f => MimeKit.MimeMessage.Load(f)).ToList() : [];
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
        Directory.Delete(Path.GetDirectoryName(Maildir)!, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
