using System.Globalization;
using Varn.Budget;

// The performance budget (issue 13), measured against published builds run as their own processes. Every figure is a
// ratio against a baseline from the same run; bench/run.sh builds what this needs and passes the folders.
var options = Options.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Directory.CreateDirectory(options.Work);
var database = Path.Combine(options.Work, "varn.db");
foreach (var file in Directory.GetFiles(options.Work, "varn.db*"))
{
    File.Delete(file);
}
var data = new Dictionary<string, string>
{
    ["ConnectionStrings__Varn"] = $"Data Source={database}",
    ["Varn__Retention__Enabled"] = "false",
    ["Varn__Email__Mode"] = "Disabled",
};

Console.WriteLine($"Värn's performance budget — {Environment.ProcessorCount} cores, {options.Seconds} s per load, SQLite at {database}");
Console.WriteLine("Preparing the database (migrations, demo data, an API token)…");
var token = await Server.CommandAsync(options.Varn, new Dictionary<string, string>(data) { ["Varn__Demo"] = "true" },
    "users", "token", "--email", "medarbetare.skarholmen@varn.example", "--name", $"budget-{DateTime.UtcNow:yyyyMMddHHmmss}");

var figures = new List<Figure>();

Console.WriteLine($"Cold start: {options.Starts} starts of each app, alternating…");
var bare = new List<double>();
var varn = new List<double>();
for (var i = 0; i < options.Starts; i++)
{
    await using (var server = await Server.StartAsync(options.Bare, new Dictionary<string, string>()))
    {
        bare.Add(server.Startup.TotalMilliseconds);
    }
    await using (var server = await Server.StartAsync(options.Varn, data))
    {
        varn.Add(server.Startup.TotalMilliseconds);
    }
}
figures.Add(new Figure("cold start to the first /healthz (median)", "bare `dotnet new web` app", Median(bare), "ms", Median(varn), "ms", Goal.AtMost(3)));

var loadSettings = new Dictionary<string, string>(data)
{
    ["Varn__RateLimit__ReportsPerMinute"] = "100000000",
    ["Varn__RateLimit__SignInPerMinute"] = "100000",
};
await using (var server = await Server.StartAsync(options.Varn, loadSettings))
{
    var client = new Client(server.Address, token);
    await client.SignInAsync("lasare.skarholmen@varn.example");
    var duration = TimeSpan.FromSeconds(options.Seconds);

    Console.WriteLine("Pages under 64 connections…");
    await Load.RunAsync(8, TimeSpan.FromSeconds(1), _ => client.PageAsync("/planer/skarholmen/2019"));
    var health = await Load.RunAsync(64, duration, _ => client.PageAsync("/healthz"));
    var page = await Load.RunAsync(64, duration, _ => client.PageAsync("/planer/skarholmen/2019"));
    figures.Add(new Figure("plan page p95, 64 connections", "/healthz p95", health.Percentile(0.95), "ms", page.Percentile(0.95), "ms", Goal.AtMost(10)));

    ReportUnexpected(client);
    Console.WriteLine("Word against JSON…");
    await Load.RunAsync(2, TimeSpan.FromSeconds(1), _ => client.ApiAsync("/api/v1/plans/skarholmen/2019/word"));
    var json = await Load.RunAsync(4, duration, _ => client.ApiAsync("/api/v1/plans/skarholmen/2019"));
    var word = await Load.RunAsync(4, duration, _ => client.ApiAsync("/api/v1/plans/skarholmen/2019/word"));
    figures.Add(new Figure("plan as Word, mean", "plan as JSON, mean", json.Mean, "ms", word.Mean, "ms", Goal.AtMost(5)));

    ReportUnexpected(client);
    Console.WriteLine("Report intake (guard and audit on)…");
    var run = $"mätning {Guid.NewGuid():N}"[..20];
    await Load.RunAsync(8, TimeSpan.FromSeconds(1), i => client.ReportAsync($"uppvärmning {run}", i));
    var intake = await Load.RunAsync(options.IntakeConnections, duration, i => client.ReportAsync(run, i));
    var stored = Database.CountReports(database, run);
    figures.Add(new Figure("report intake, accepted per second", "goal", 1000, "/s", intake.PerSecond, "/s", Goal.AtLeast(1)));
    figures.Add(new Figure("reports stored of those accepted", "accepted", intake.Succeeded, "", stored, "", Goal.Exactly(1)));

    ReportUnexpected(client);
    figures.Add(new Figure("peak RSS over the loads above (VmHWM)", "goal", 250, "MB", server.PeakRssMegabytes(), "MB", Goal.AtMost(1)));
}

if (SituationReport.Read(options.SituationReport) is { } situation)
{
    figures.Add(new Figure("P1: situation picture at 1,000,000 reports (BenchmarkDotNet)", "at 10,000 reports", situation.Baseline, "ms", situation.Large, "ms", Goal.AtMost(1.5)));
}
else
{
    Console.WriteLine($"(No situation-picture benchmark result at {options.SituationReport}; run bench/run.sh --situation to add P1.)");
}

Console.WriteLine();
Console.WriteLine(Figure.Header);
foreach (var figure in figures)
{
    Console.WriteLine(figure.Row);
}
var missed = figures.Where(f => !f.Met).ToList();
Console.WriteLine();
Console.WriteLine(missed.Count == 0 ? "Every figure meets its goal." : $"Missed: {string.Join("; ", missed.Select(f => f.Name))}.");
return missed.Count == 0 ? 0 : 1;

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static void ReportUnexpected(Client client)
{
    if (client.TakeUnexpected() is { } answers)
    {
        Console.WriteLine($"  Requests that failed in this phase, by status: {answers}");
    }
}
