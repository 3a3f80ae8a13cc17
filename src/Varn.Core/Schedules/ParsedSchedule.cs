namespace Varn.Core.Schedules;

/// <summary>
/// What a schedule text means (DESIGN §7). A lone date is the date by which the activity is done: its
/// <see cref="End"/>, with no start. <see cref="Ongoing"/> activities have no end unless the text gives one.
/// </summary>
public sealed record ParsedSchedule(
    DateOnly? Start,
    DateOnly? End,
    bool Ongoing,
    int? PerYear,
    int? EveryDays)
{
    /// <summary>True when the schedule's end has passed on <paramref name="today"/>.</summary>
    public bool HasEndedBefore(DateOnly today) => End is { } end && end < today;

    /// <summary>How many times a year recurring work happens: "4 ggr/år" → 4, "var 14:e dag" → 26; null when it does not recur.</summary>
    public int? TimesPerYear => PerYear ?? (EveryDays is > 0 and var days ? 365 / days : null);
}
