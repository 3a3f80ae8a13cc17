using System.Globalization;

namespace Varn.Budget;

/// <summary>The situation-picture benchmark's result (BenchmarkDotNet's CSV report), when it has been run.</summary>
public sealed record SituationReport(double Baseline, double Large)
{
    public static SituationReport? Read(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split(',');
        var method = Array.IndexOf(header, "Method");
        var mean = Array.IndexOf(header, "Mean");
        double? Mean(string name) => lines.Skip(1).Select(l => l.Split(',')).Where(c => c[method] == name)
            .Select(c => (double?)Milliseconds(c[mean])).FirstOrDefault();
        return Mean("PictureAt10000") is { } baseline && Mean("PictureAt1000000") is { } large ? new SituationReport(baseline, large) : null;
    }

    private static double Milliseconds(string value)
    {
        var parts = value.Split(' ');
        var number = double.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts[1] switch
        {
            "s" => number * 1000,
            "ms" => number,
            "μs" or "us" => number / 1000,
            "ns" => number / 1_000_000,
            _ => throw new FormatException($"Unknown unit in '{value}'."),
        };
    }
}
