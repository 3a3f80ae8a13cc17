using Varn.Core.Situation;

namespace Varn.Web.Pages.Situation;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG from the same figures as the table beside it: each bar labelled
/// directly with its number, a hidden number drawn as a hatched stub labelled as the table labels it.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<(string Label, Figure Value)> Bars, int Threshold)
{
    public const int LabelWidth = 230;
    public const int BarArea = 360;
    public const int RowHeight = 30;

    public int Height => Bars.Count * RowHeight + 10;

    public int Max => Math.Max(1, Bars.Max(b => b.Value.Count ?? 0));

    public double Width(Figure value) => value.Count is { } count ? Math.Max(count == 0 ? 0 : 2, (double)BarArea * count / Max) : 12;
}
