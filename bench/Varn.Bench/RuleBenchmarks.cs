using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Varn.Core.Plans.Interchange;
using Varn.Core.Privacy;
using Varn.Core.Schedules;
using Varn.Core.Accounts;
using Varn.Core.Plans;

namespace Varn.Bench;

/// <summary>The domain rules that run on every save, against a raw SQLite round trip of the same size of text.</summary>
[MemoryDiagnoser]
public class RuleBenchmarks
{
    private byte[] plan = [];
    private string[] schedules = [];
    private string description = "";
    private SqliteConnection connection = null!;

    [GlobalSetup]
    public void SetUp()
    {
        plan = DemoPlans.ReadSeedPlan("skarholmen-2019.json");
        var document = PlanDocumentReader.Read(plan).Document!;
        schedules = document.Activities.Select(a => a.Schedule ?? "").ToArray();
        // The longest description a report may have: the plan's activity texts, repeated up to 4000 characters.
        var texts = string.Join(" ", document.Activities.Select(a => a.Text));
        description = string.Concat(Enumerable.Repeat(texts, 4000 / texts.Length + 1))[..4000];
        connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (text TEXT); INSERT INTO t VALUES ($text);";
        create.Parameters.AddWithValue("$text", description);
        create.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void CleanUp() => connection.Dispose();

    [Benchmark(Baseline = true)]
    public object? RawSqliteRead()
    {
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT text FROM t";
        return read.ExecuteScalar();
    }

    [Benchmark]
    public int GuardOnAFullDescription() => PersonalDataGuard.Find(description).Count;

    [Benchmark]
    public int ParseThirtySchedules() => schedules.Count(s => ScheduleParser.Parse(s) is not null);

    [Benchmark]
    public int ReadThe2019Plan() => PlanDocumentReader.Read(plan).Document!.Activities.Count;
}
