using Varn.Core.FollowUp;
using Varn.Core.Plans;
using Varn.Core.Schedules;

namespace Varn.Core.Tests.FollowUp;

public class OverdueTests
{
    // The rule at each cut-off, for schedules as the plans write them, in other years than the examples.
    [Theory]
    [InlineData("VT 2031", RoundKind.T1, false)]
    [InlineData("VT 2031", RoundKind.T2, true)]
    [InlineData("2031 03 15", RoundKind.T1, true)]
    [InlineData("310430", RoundKind.T1, true)]
    [InlineData("2031 05 01", RoundKind.T1, false)]
    [InlineData("HT 2031", RoundKind.T2, false)]
    [InlineData("HT 2031", RoundKind.Year, true)]
    [InlineData("2030-2031", RoundKind.Year, true)]
    [InlineData("2031-2032", RoundKind.Year, false)]
    [InlineData("Pågående", RoundKind.Year, false)]
    [InlineData("Mötesfrekvens 4 ggr/år", RoundKind.Year, false)]
    [InlineData("Planeras starta upp oktober 2031", RoundKind.Year, false)]
    public void AnUnfinishedActivity_IsOverdue_WhenItsScheduleEndsOnOrBeforeTheCutoff(string schedule, RoundKind kind, bool overdue)
    {
        var parsed = ScheduleParser.Parse(schedule);
        foreach (var status in new[] { ActivityStatus.Planned, ActivityStatus.Ongoing, ActivityStatus.Postponed })
        {
            Assert.Equal(overdue, Overdue.At(parsed, status, kind.Cutoff(2031)));
        }
        Assert.False(Overdue.At(parsed, ActivityStatus.Done, kind.Cutoff(2031)));
        Assert.False(Overdue.At(parsed, ActivityStatus.Cancelled, kind.Cutoff(2031)));
    }

    [Fact]
    public void AnUnreadSchedule_IsNeverOverdue() =>
        Assert.False(Overdue.At(ScheduleParser.Parse("När tillfälle ges"), ActivityStatus.Planned, RoundKind.Year.Cutoff(2031)));

    [Theory]
    [InlineData(4, RoundKind.T1, 1)]
    [InlineData(4, RoundKind.T2, 2)]
    [InlineData(4, RoundKind.Year, 4)]
    [InlineData(26, RoundKind.T1, 8)]
    [InlineData(26, RoundKind.T2, 17)]
    [InlineData(26, RoundKind.Year, 26)]
    public void ExpectedMeetings_AreTheYearsNumberInProportion_RoundedDown(int perYear, RoundKind kind, int expected) =>
        Assert.Equal(expected, Overdue.Expected(perYear, kind.Cutoff(2031)));

    [Theory]
    [InlineData("T1", RoundKind.T1)]
    [InlineData("t2", RoundKind.T2)]
    [InlineData("year", RoundKind.Year)]
    [InlineData("Årsuppföljning", RoundKind.Year)]
    public void ARound_IsReadByCodeOrLabel(string text, RoundKind kind)
    {
        Assert.True(RoundKinds.TryParse(text, out var read));
        Assert.Equal(kind, read);
    }

    [Theory]
    [InlineData("T3")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElse_IsNoRound(string? text) => Assert.False(RoundKinds.TryParse(text, out _));
}
