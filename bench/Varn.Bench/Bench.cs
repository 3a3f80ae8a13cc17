using BenchmarkDotNet.Running;

namespace Varn.Bench;

/// <summary>
/// Run with <c>dotnet run -c Release --project bench/Varn.Bench [-- --filter *Page*]</c>. Every figure is printed as a
/// ratio against its class's baseline measured in the same run: /healthz for pages, a raw SQLite read for rules.
/// </summary>
public static class Bench
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Bench).Assembly).Run(args);
}
