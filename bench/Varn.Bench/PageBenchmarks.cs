using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Varn.Bench;

/// <summary>Värn's heavier pages and exports against the cheapest endpoint, /healthz, on the demo data in SQLite.</summary>
[MemoryDiagnoser]
public partial class PageBenchmarks
{
    private WebApplicationFactory<Program> app = null!;
    private HttpClient client = null!;
    private string folder = "";

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        folder = Directory.CreateTempSubdirectory("varn-bench-").FullName;
        app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("ConnectionStrings:Varn", $"Data Source={Path.Combine(folder, "varn.db")}");
            builder.UseSetting("Varn:Demo", "true");
            builder.UseSetting("Varn:Retention:Enabled", "false");
        });
        client = app.CreateClient();
        var signIn = await client.GetStringAsync("/logga-in");
        var token = Token().Match(signIn).Groups[1].Value;
        await client.PostAsync("/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "lasare.skarholmen@varn.example",
            ["Input.Password"] = Varn.Core.Accounts.DemoAccounts.Password,
        }));
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        app.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<string> Health() => client.GetStringAsync("/healthz");

    [Benchmark]
    public Task<string> PlanList() => client.GetStringAsync("/planer");

    [Benchmark]
    public Task<string> PlanPage() => client.GetStringAsync("/planer/skarholmen/2019");

    [Benchmark]
    public Task<byte[]> PlanAsJson() => client.GetByteArrayAsync("/planer/skarholmen/2019?handler=Json");

    [Benchmark]
    public Task<byte[]> PlanAsWord() => client.GetByteArrayAsync("/planer/skarholmen/2019?handler=Word");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
