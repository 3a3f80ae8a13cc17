namespace Varn.Core.Data;

/// <summary>
/// Dates as people in the municipality see them. Servers often run in UTC; a report filed at 00:30 on 1 January in
/// Stockholm belongs to the new year, so "today" is always taken in Swedish time from the injected clock.
/// </summary>
public static class SwedishTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime Now(this TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now());

    /// <summary>A stored UTC time as Stockholm's wall clock shows it.</summary>
    public static DateTime ToSwedish(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private static TimeZoneInfo FindZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone) ? zone : TimeZoneInfo.Utc;
}
