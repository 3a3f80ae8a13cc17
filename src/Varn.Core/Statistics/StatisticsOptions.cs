namespace Varn.Core.Statistics;

/// <summary>The settings under <c>Varn:Statistics</c>.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Varn:Statistics";

    /// <summary>Counts from 1 to one less than this are hidden from everyone but the council's coordinators.</summary>
    public int SuppressionThreshold { get; set; } = Suppression.DefaultThreshold;
}
