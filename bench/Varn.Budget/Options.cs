namespace Varn.Budget;

/// <summary>
/// <c>--varn DLL --bare DLL [--work DIR] [--seconds N] [--starts N] [--intake-connections N] [--situation-report CSV]</c>.
/// </summary>
public sealed record Options(string Varn, string Bare, string Work, int Seconds, int Starts, int IntakeConnections, string SituationReport)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option, got '{args[i]}'.");
            }
            values[args[i][2..]] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out var value) ? Path.GetFullPath(value) : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;
        return new Options(
            Required("varn"),
            Required("bare"),
            Path.GetFullPath(values.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "varn-budget"))),
            Number("seconds", 10),
            Number("starts", 15),
            Number("intake-connections", 32),
            Path.GetFullPath(values.GetValueOrDefault("situation-report", "BenchmarkDotNet.Artifacts/results/Varn.Bench.SituationBenchmarks-report.csv")));
    }
}
