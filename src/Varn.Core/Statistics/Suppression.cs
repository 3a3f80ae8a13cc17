namespace Varn.Core.Statistics;

/// <summary>Who is looking: the council's coordinators (and the central coordinator) see exact counts; everyone else a protected table.</summary>
public enum Viewer
{
    Coordinator,
    Public,
}

/// <summary>A table of counts with the totals it publishes: each total is the sum of its parts, and is itself a cell.</summary>
public sealed class CountTable
{
    private readonly Dictionary<string, int> cells = new(StringComparer.Ordinal);
    private readonly List<(string Total, IReadOnlyList<string> Parts)> totals = [];

    public int this[string cell] => cells.GetValueOrDefault(cell);

    public IEnumerable<string> Cells => cells.Keys;

    public IReadOnlyList<(string Total, IReadOnlyList<string> Parts)> Totals => totals;

    public CountTable Set(string cell, int count)
    {
        cells[cell] = count;
        return this;
    }

    /// <summary>Publishes <paramref name="total"/> as the sum of <paramref name="parts"/>; the total's cell is set to that sum.</summary>
    public CountTable Total(string total, IReadOnlyList<string> parts)
    {
        cells[total] = parts.Sum(p => cells.GetValueOrDefault(p));
        totals.Add((total, parts));
        return this;
    }
}

/// <summary>The cells a viewer may not see: small counts themselves, and others hidden to protect them.</summary>
public sealed class HiddenCells(IReadOnlySet<string> small, IReadOnlySet<string> protecting)
{
    public bool Contains(string cell) => small.Contains(cell) || protecting.Contains(cell);

    /// <summary>A count from 1 to the threshold − 1, shown as "färre än 3".</summary>
    public bool IsSmall(string cell) => small.Contains(cell);

    public int Count => small.Count + protecting.Count;
}

/// <summary>
/// Small counts protected as official statistics do (DESIGN §5 rule 2), in one place for pages, API, charts and exports.
/// Primary: a count from 1 to threshold − 1 is suppressed ("färre än 3"). Secondary: no published total may have
/// exactly one suppressed cell among itself and its parts — otherwise the hidden count is the total minus the rest —
/// so the smallest other count in that total is suppressed too, then the total itself; repeated until no total gives
/// one away. Coordinators see every count.
/// </summary>
public static class Suppression
{
    public const int DefaultThreshold = 3;

    public static HiddenCells Suppressed(CountTable table, Viewer viewer, int threshold = DefaultThreshold)
    {
        var small = new HashSet<string>(StringComparer.Ordinal);
        var suppressed = new HashSet<string>(StringComparer.Ordinal);
        if (viewer == Viewer.Coordinator)
        {
            return new HiddenCells(small, suppressed);
        }
        foreach (var cell in table.Cells.Where(c => table[c] >= 1 && table[c] < threshold))
        {
            small.Add(cell);
            suppressed.Add(cell);
        }
        bool changed;
        do
        {
            changed = false;
            foreach (var (total, parts) in table.Totals)
            {
                var members = parts.Append(total).ToList();
                if (members.Count(suppressed.Contains) != 1)
                {
                    continue;
                }
                var next = parts.Where(p => !suppressed.Contains(p) && table[p] > 0).OrderBy(p => table[p]).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault()
                    ?? (suppressed.Contains(total) ? parts.FirstOrDefault(p => !suppressed.Contains(p)) : total);
                if (next is not null)
                {
                    suppressed.Add(next);
                    changed = true;
                }
            }
        }
        while (changed);
        suppressed.ExceptWith(small);
        return new HiddenCells(small, suppressed);
    }

    /// <summary>A share in percent, or null when either count behind it is hidden or there is nothing to divide by.</summary>
    public static double? Share(int part, int whole, bool hidden) =>
        hidden || whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    /// <summary>What a reader sees instead of a small count.</summary>
    public static string Label(int threshold = DefaultThreshold) => $"färre än {threshold}";

    /// <summary>What a reader sees instead of a count hidden so that a small one cannot be worked out from it.</summary>
    public const string ProtectingLabel = "dolt";
}
