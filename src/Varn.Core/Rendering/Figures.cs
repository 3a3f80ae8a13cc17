using System.Globalization;

namespace Varn.Core.Rendering;

/// <summary>
/// How Värn writes a figure on its pages and in its documents: in Swedish number format (decimal comma), and a dash
/// where there is no value. One home, so that a page and the Word document made from it show the same figure the same way.
/// </summary>
public static class Figures
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private const string None = "–";

    /// <summary>A share or a response rate with at most one decimal: "12,5 %".</summary>
    public static string Share(decimal? value, string suffix = "") => value is { } v ? v.ToString("0.#", Swedish) + suffix : None;

    /// <inheritdoc cref="Share(decimal?, string)"/>
    public static string Share(double? value, string suffix = "") => value is { } v ? v.ToString("0.#", Swedish) + suffix : None;

    /// <summary>A rate with exactly one decimal, such as reports per 10,000 inhabitants: "3,0".</summary>
    public static string Rate(double? value) => value?.ToString("0.0", Swedish) ?? None;

    /// <summary>An indicator's value with at most two decimals, as it was entered: "0,25".</summary>
    public static string Value(decimal? value) => value?.ToString("0.##", Swedish) ?? None;
}
