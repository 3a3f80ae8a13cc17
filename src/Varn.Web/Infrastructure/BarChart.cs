namespace Varn.Web.Infrastructure;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG from the same figures as the table beside it: each bar labelled
/// directly with its number as the table shows it; a hidden number (no value) is drawn as a hatched stub.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<BarChart.Bar> Bars)
{
    /// <summary>A bar: its label, its value (null when hidden or missing) and the text the table shows for it.</summary>
    public sealed record Bar(string Label, double? Value, string Text, bool Hidden = false);

    public const int RowHeight = 30;

    /// <summary>The drawing's width. It is the same for every chart, so that the text is the same size in each once scaled to the page.</summary>
    public const int TotalWidth = 680;

    /// <summary>The room after a bar for its number.</summary>
    private const int ValueRoom = 90;

    /// <summary>
    /// A generous width of one character of the 14 px label font. SVG text does not wrap: a label wider than the room
    /// before the bars would be cut at the chart's left edge.
    /// </summary>
    private const int PixelsPerCharacter = 8;
    private const int LabelGap = 16;
    private const int MinLabelWidth = 80;
    private const int MaxLabelWidth = 340;

    /// <summary>The room before the bars: the longest label's, within bounds. The bars have the rest.</summary>
    public int LabelWidth => Math.Clamp(Bars.Select(b => b.Label.Length).DefaultIfEmpty(0).Max() * PixelsPerCharacter + LabelGap, MinLabelWidth, MaxLabelWidth);

    public int BarArea => TotalWidth - ValueRoom - LabelWidth;

    /// <summary>The label as drawn: one too long even for the widest room ends in "…"; the chart's description and the table beside it have it whole.</summary>
    public static string Shown(Bar bar)
    {
        var room = (MaxLabelWidth - LabelGap) / PixelsPerCharacter;
        return bar.Label.Length <= room ? bar.Label : bar.Label[..(room - 1)].TrimEnd() + "…";
    }

    public int Height => Bars.Count * RowHeight + 10;

    public double Max => Math.Max(1, Bars.Max(b => b.Value ?? 0));

    public double Width(Bar bar) => bar.Value is { } value ? Math.Max(value == 0 ? 0 : 2, BarArea * value / Max) : bar.Hidden ? 12 : 0;

    /// <summary>A count of the situation picture as a bar.</summary>
    public static Bar Of(string label, Core.Situation.Figure figure, int threshold) =>
        new(label, figure.Count, figure.Show(threshold), figure.Suppressed);
}
