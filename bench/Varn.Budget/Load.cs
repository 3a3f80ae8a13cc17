using System.Diagnostics;

namespace Varn.Budget;

/// <summary>What a load run measured: requests that succeeded, those that did not, and the latency of each success.</summary>
public sealed record LoadResult(int Succeeded, int Failed, TimeSpan Duration, double[] LatenciesMs)
{
    public double PerSecond => Succeeded / Duration.TotalSeconds;

    public double Mean => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs.Average();

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>A closed-loop load: <c>connections</c> workers, each sending its next request when the last is answered.</summary>
public static class Load
{
    public static async Task<LoadResult> RunAsync(int connections, TimeSpan duration, Func<int, Task<bool>> request)
    {
        var latencies = new List<double>[connections];
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            var sequence = worker;
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    ok = await request(sequence);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                sequence += connections;
                if (ok)
                {
                    mine.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(all.Length, failed, clock.Elapsed, all);
    }
}
