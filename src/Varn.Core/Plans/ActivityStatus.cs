namespace Varn.Core.Plans;

public enum ActivityStatus
{
    Planned,
    Ongoing,
    Done,
    Cancelled,
    Postponed,
}

public static class ActivityStatuses
{
    public static string Label(this ActivityStatus status) => status switch
    {
        ActivityStatus.Planned => "Planerad",
        ActivityStatus.Ongoing => "Pågående",
        ActivityStatus.Done => "Genomförd",
        ActivityStatus.Cancelled => "Inställd",
        ActivityStatus.Postponed => "Uppskjuten",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Done and cancelled activities are finished: they are not carried into next year's plan.</summary>
    public static bool IsFinished(this ActivityStatus status) => status is ActivityStatus.Done or ActivityStatus.Cancelled;
}
