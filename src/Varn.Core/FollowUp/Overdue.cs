using Varn.Core.Plans;
using Varn.Core.Schedules;

namespace Varn.Core.FollowUp;

/// <summary>What a round flags (C10): activities whose time has run out, and recurring work behind its meetings.</summary>
public static class Overdue
{
    /// <summary>An activity is overdue at a cut-off when its parsed schedule ends on or before it and it is neither done nor cancelled.</summary>
    public static bool At(ParsedSchedule? schedule, ActivityStatus status, DateOnly cutoff) =>
        schedule?.End is { } end && end <= cutoff && !status.IsFinished();

    /// <summary>
    /// The meetings a recurring activity should have held from 1 January to the cut-off: its yearly number in proportion
    /// to the part of the year gone, rounded down ("4 ggr/år" → 1 by 30 April, 2 by 31 August, 4 by 31 December).
    /// </summary>
    public static int Expected(int perYear, DateOnly cutoff)
    {
        var days = DateTime.IsLeapYear(cutoff.Year) ? 366 : 365;
        return (int)Math.Floor((double)perYear * cutoff.DayOfYear / days);
    }
}
