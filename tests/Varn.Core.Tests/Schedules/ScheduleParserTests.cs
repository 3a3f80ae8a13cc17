using Varn.Core.Schedules;

namespace Varn.Core.Tests.Schedules;

public class ScheduleParserTests
{
    private static DateOnly? D(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // Every example of DESIGN §7, with what it should mean.
    [Theory]
    [InlineData("2019", "2019-01-01", "2019-12-31", false, null, null)]
    [InlineData("HT 2019", "2019-08-01", "2019-12-31", false, null, null)]
    [InlineData("VT 2019", "2019-01-01", "2019-06-30", false, null, null)]
    [InlineData("2019 09 01", null, "2019-09-01", false, null, null)]
    [InlineData("190501", null, "2019-05-01", false, null, null)]
    [InlineData("2019-2020", "2019-01-01", "2020-12-31", false, null, null)]
    [InlineData("Pågående", null, null, true, null, null)]
    [InlineData("Löpande", null, null, true, null, null)]
    [InlineData("Fortlöpande", null, null, true, null, null)]
    [InlineData("Genomförs löpande under året.", null, null, true, null, null)]
    [InlineData("Löpande sedan 2018.", "2018-01-01", null, true, null, null)]
    [InlineData("Planeras till 2017/2018", "2017-01-01", "2018-12-31", false, null, null)]
    [InlineData("Planeras starta upp oktober 2017", "2017-10-01", null, false, null, null)]
    [InlineData("Genomförs under 2023.", "2023-01-01", "2023-12-31", false, null, null)]
    [InlineData("Mötesfrekvens 4 ggr/år", null, null, false, 4, null)]
    [InlineData("Pågående samt stäms av 4 ggr/år", null, null, true, 4, null)]
    [InlineData("var 14:e dag", null, null, false, null, 14)]
    public void Parse_DesignExamples(string raw, string? start, string? end, bool ongoing, int? perYear, int? everyDays)
    {
        var parsed = ScheduleParser.Parse(raw);

        Assert.Equal(new ParsedSchedule(D(start), D(end), ongoing, perYear, everyDays), parsed);
    }

    // The same patterns with other years, dates, months, counts and letter case.
    [Theory]
    [InlineData("2031", "2031-01-01", "2031-12-31", false, null, null)]
    [InlineData("ht 2024", "2024-08-01", "2024-12-31", false, null, null)]
    [InlineData("Vt 2026", "2026-01-01", "2026-06-30", false, null, null)]
    [InlineData("hösten 2021", "2021-08-01", "2021-12-31", false, null, null)]
    [InlineData("Våren 2018", "2018-01-01", "2018-06-30", false, null, null)]
    [InlineData("2024 03 15", null, "2024-03-15", false, null, null)]
    [InlineData("2024-03-15", null, "2024-03-15", false, null, null)]
    [InlineData("20240315", null, "2024-03-15", false, null, null)]
    [InlineData("241130", null, "2024-11-30", false, null, null)]
    [InlineData("Senast 30 juni 2022", null, "2022-06-30", false, null, null)]
    [InlineData("2022–2024", "2022-01-01", "2024-12-31", false, null, null)]
    [InlineData("2023/24", "2023-01-01", "2024-12-31", false, null, null)]
    [InlineData("PÅGÅENDE", null, null, true, null, null)]
    [InlineData("Fortlöpande sedan 2015", "2015-01-01", null, true, null, null)]
    [InlineData("Planeras till 2025/2026", "2025-01-01", "2026-12-31", false, null, null)]
    [InlineData("Planeras starta upp mars 2030", "2030-03-01", null, false, null, null)]
    [InlineData("Genomförs under 2027", "2027-01-01", "2027-12-31", false, null, null)]
    [InlineData("Mötesfrekvens 6 ggr/år", null, null, false, 6, null)]
    [InlineData("2 gånger per år", null, null, false, 2, null)]
    [InlineData("Löpande samt stäms av 12 ggr/år", null, null, true, 12, null)]
    [InlineData("Var 7:e dag", null, null, false, null, 7)]
    [InlineData("var 21:a dag", null, null, false, null, 21)]
    [InlineData("Varannan vecka", null, null, false, null, 14)]
    [InlineData("Varje månad", null, null, false, 12, null)]
    [InlineData("T1 2020", "2020-01-01", "2020-04-30", false, null, null)]
    public void Parse_SamePatternsWithOtherValues(string raw, string? start, string? end, bool ongoing, int? perYear, int? everyDays)
    {
        var parsed = ScheduleParser.Parse(raw);

        Assert.Equal(new ParsedSchedule(D(start), D(end), ongoing, perYear, everyDays), parsed);
    }

    // Schedules as written in the seed plans, wrapped cells and all.
    [Theory]
    [InlineData("Pågående under 2017-2019. Görs på inplanerade styrgruppsmöten", "2017-01-01", "2019-12-31", true)]
    [InlineData("Planeras under 2017 Genomförs sent 2017 till 2018", "2017-01-01", "2018-12-31", false)]
    [InlineData("Planeras till en infonämnd våren 2018", "2018-01-01", "2018-06-30", false)]
    [InlineData("Genomförs löpande under hösten 2017 och framåt.", "2017-08-01", null, true)]
    [InlineData("Under utveckling genomförande påbörjas under 2017", "2017-01-01", null, false)]
    [InlineData("Arbete pågår implementering 2017/2018", "2017-01-01", "2018-12-31", true)]
    [InlineData("Löpande och i stadens ledningssystem", null, null, true)]
    public void Parse_SeedSchedules(string raw, string? start, string? end, bool ongoing)
    {
        var parsed = ScheduleParser.Parse(raw);

        Assert.NotNull(parsed);
        Assert.Equal((D(start), D(end), ongoing), (parsed.Start, parsed.End, parsed.Ongoing));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Enligt överenskommelse")]
    [InlineData("När behov uppstår")]
    [InlineData("190532")]
    public void Parse_TextWithoutSchedule_IsNotParsed(string? raw)
    {
        Assert.Null(ScheduleParser.Parse(raw));
    }

    [Fact]
    public void HasEndedBefore_IsTrueOnlyAfterTheEnd()
    {
        var parsed = ScheduleParser.Parse("VT 2019")!;

        Assert.False(parsed.HasEndedBefore(new DateOnly(2019, 6, 30)));
        Assert.True(parsed.HasEndedBefore(new DateOnly(2019, 7, 1)));
        Assert.False(ScheduleParser.Parse("Pågående")!.HasEndedBefore(new DateOnly(2099, 1, 1)));
    }
}
