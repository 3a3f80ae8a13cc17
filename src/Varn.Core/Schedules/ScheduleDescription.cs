using System.Globalization;

namespace Varn.Core.Schedules;

public static class ScheduleDescription
{
    /// <summary>What Värn understood a schedule to mean, in Swedish: "2019-08-01 – 2019-12-31", "pågående, 4 gånger per år".</summary>
    public static string Describe(this ParsedSchedule schedule)
    {
        var parts = new List<string>();
        var start = schedule.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = schedule.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (schedule.Ongoing)
        {
            parts.Add("pågående");
        }
        if (start is not null && end is not null)
        {
            parts.Add($"{start} – {end}");
        }
        else if (start is not null)
        {
            parts.Add($"från {start}");
        }
        else if (end is not null)
        {
            parts.Add($"klart senast {end}");
        }
        if (schedule.PerYear is { } perYear)
        {
            parts.Add(perYear == 1 ? "en gång per år" : $"{perYear} gånger per år");
        }
        if (schedule.EveryDays is { } days)
        {
            parts.Add(days == 1 ? "varje dag" : $"var {days}:{OrdinalSuffix(days)} dag");
        }
        var text = string.Join(", ", parts);
        return text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    // Swedish ordinals: 1:a, 2:a, 21:a, 22:a — but 11:e, 12:e — and :e for the rest.
    private static string OrdinalSuffix(int n) => (n % 10 is 1 or 2) && (n % 100 is not 11 and not 12) ? "a" : "e";
}
