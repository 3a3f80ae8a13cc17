using System.Globalization;

namespace Varn.Budget;

/// <summary>A goal on the ratio of a figure to its baseline.</summary>
public sealed record Goal(string Text, Func<double, bool> Holds)
{
    public static Goal AtMost(double ratio) => new($"≤ {ratio.ToString(CultureInfo.InvariantCulture)}", r => r <= ratio);

    public static Goal AtLeast(double ratio) => new($"≥ {ratio.ToString(CultureInfo.InvariantCulture)}", r => r >= ratio);

    public static Goal Exactly(double ratio) => new($"= {ratio.ToString(CultureInfo.InvariantCulture)}", r => r == ratio);
}

/// <summary>One line of the budget: the figure, its baseline from the same run, the ratio and whether it meets the goal.</summary>
public sealed record Figure(string Name, string BaselineName, double Baseline, string BaselineUnit, double Value, string Unit, Goal Goal)
{
    public const string Header = "| figure | value | baseline | ratio | goal | met |\n|---|---:|---|---:|---|---|";

    public double Ratio => Value / Baseline;

    public bool Met => Goal.Holds(Ratio);

    public string Row => $"| {Name} | {Format(Value)} {Unit} | {BaselineName}: {Format(Baseline)} {BaselineUnit} | {Ratio:0.00} | {Goal.Text} | {(Met ? "yes" : "**no**")} |";

    private static string Format(double value) => value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);
}
