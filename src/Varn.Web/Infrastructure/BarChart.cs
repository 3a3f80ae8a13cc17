namespace Varn.Web.Infrastructure;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG from the same figures as the table beside it: each bar labelled
/// directly with its number as the table shows it; a hidden number (no value) is drawn as a hatched stub.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<BarChart.Bar> Bars)
{
    /// <summary>A bar: its label, its value (null when hidden or missing) and the text the table shows for it.</summary>
    public sealed record Bar(string Label, double? Value, string Text, bool Hidden = false);

    public const int LabelWidth = 230;
    public const int BarArea = 360;
    public const int RowHeight = 30;

    public int Height => Bars.Count * RowHeight + 10;

    public double Max => Math.Max(1, Bars.Max(b => b.Value ?? 0));

    public double Width(Bar bar) => bar.Value is { } value ? Math.Max(value == 0 ? 0 : 2, BarArea * value / Max) : bar.Hidden ? 12 : 0;

    /// <summary>A count of the situation picture as a bar.</summary>
    public static Bar Of(string label, Core.Situation.Figure figure, int threshold) =>
        new(label, figure.Count, figure.Show(threshold), figure.Suppressed);
}
