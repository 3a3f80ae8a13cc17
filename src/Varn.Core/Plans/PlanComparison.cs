namespace Varn.Core.Plans;

/// <summary>What changed between last year's plan and its revision: activities added, removed and changed, and section texts.</summary>
public sealed record PlanComparison(
    IReadOnlyList<Activity> Added,
    IReadOnlyList<Activity> Removed,
    IReadOnlyList<PlanComparison.ChangedActivity> Changed,
    int Unchanged,
    IReadOnlyList<PlanComparison.ChangedSection> Sections)
{
    public sealed record FieldChange(string Field, string Before, string After);

    public sealed record ChangedActivity(Activity Before, Activity After, IReadOnlyList<FieldChange> Fields);

    public enum LineKind
    {
        Same,
        Removed,
        Added,
    }

    public sealed record Line(LineKind Kind, string Text);

    public sealed record ChangedSection(SectionKey Key, IReadOnlyList<Line> Lines);

    public static PlanComparison Compare(
        IReadOnlyList<Activity> before, IReadOnlyList<Activity> after,
        IReadOnlyDictionary<SectionKey, string> beforeSections, IReadOnlyDictionary<SectionKey, string> afterSections)
    {
        var byId = before.ToDictionary(a => a.Id);
        var carried = after.Where(a => a.CarriedFromId is { } id && byId.ContainsKey(id)).ToList();
        var carriedFrom = carried.Select(a => a.CarriedFromId!.Value).ToHashSet();

        var changed = carried
            .Select(a => new ChangedActivity(byId[a.CarriedFromId!.Value], a, Differences(byId[a.CarriedFromId!.Value], a)))
            .Where(c => c.Fields.Count > 0)
            .ToList();
        var sections = SectionKeys.InOrder
            .Select(key => (key, Before: beforeSections.GetValueOrDefault(key, ""), After: afterSections.GetValueOrDefault(key, "")))
            .Where(s => s.Before != s.After)
            .Select(s => new ChangedSection(s.key, Diff(Paragraphs(s.Before), Paragraphs(s.After))))
            .ToList();

        return new PlanComparison(
            after.Where(a => a.CarriedFromId is null || !byId.ContainsKey(a.CarriedFromId.Value)).ToList(),
            before.Where(a => !carriedFrom.Contains(a.Id)).ToList(),
            changed,
            carried.Count - changed.Count,
            sections);
    }

    private static List<FieldChange> Differences(Activity before, Activity after)
    {
        var fields = new List<FieldChange>();
        void Check(string field, string? a, string? b)
        {
            if ((a ?? "") != (b ?? ""))
            {
                fields.Add(new FieldChange(field, a ?? "", b ?? ""));
            }
        }
        Check("Område", before.Area.Label(), after.Area.Label());
        Check("Aktivitet", before.Text, after.Text);
        Check("Ansvarig", before.Responsible, after.Responsible);
        Check("Samverkan", string.Join(", ", before.Partners), string.Join(", ", after.Partners));
        Check("Tidplan", before.Schedule, after.Schedule);
        Check("Uppföljning", before.FollowUp, after.FollowUp);
        return fields;
    }

    private static string[] Paragraphs(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A paragraph-level diff by longest common subsequence; unchanged paragraphs are kept for context.</summary>
    public static List<Line> Diff(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var lengths = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        var lines = new List<Line>();
        int x = 0, y = 0;
        while (x < before.Count && y < after.Count)
        {
            if (before[x] == after[y])
            {
                lines.Add(new Line(LineKind.Same, before[x++]));
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                lines.Add(new Line(LineKind.Removed, before[x++]));
            }
            else
            {
                lines.Add(new Line(LineKind.Added, after[y++]));
            }
        }
        lines.AddRange(before.Skip(x).Select(t => new Line(LineKind.Removed, t)));
        lines.AddRange(after.Skip(y).Select(t => new Line(LineKind.Added, t)));
        return lines;
    }
}
