using System.Globalization;
using System.Text.RegularExpressions;

namespace Varn.Core.Schedules;

/// <summary>
/// Reads the free-text schedule (tidplan) of an activity. It understands the patterns people use in the plans —
/// years, year ranges, terms (HT/VT, hösten/våren), months, full and compact dates, "ongoing" words,
/// start words ("sedan", "starta", "påbörjas", "och framåt") and recurrence ("4 ggr/år", "var 14:e dag") — in
/// any letter case. Text it does not understand gives <c>null</c>; the raw text is always kept by the caller.
/// </summary>
public static partial class ScheduleParser
{
    private const int MinYear = 1900;
    private const int MaxYear = 2099;

    public static ParsedSchedule? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.ToLower(CultureInfo.GetCultureInfo("sv-SE"));
        var spans = new List<(DateOnly? Start, DateOnly? End)>();

        var (perYear, everyDays) = ReadRecurrence(ref text);
        ReadDates(ref text, spans);
        ReadTerms(ref text, spans);
        ReadMonths(ref text, spans);
        ReadTertials(ref text, spans);
        ReadYearRanges(ref text, spans);
        ReadYears(ref text, spans);

        var ongoing = OngoingWords().IsMatch(text);
        var openEnded = StartWords().IsMatch(text);

        if (spans.Count == 0 && !ongoing && perYear is null && everyDays is null)
        {
            return null;
        }

        DateOnly? start = spans.Select(s => s.Start).Where(d => d is not null).Min();
        DateOnly? end = spans.Select(s => s.End).Where(d => d is not null).Max();

        // "sedan 2018", "starta upp oktober 2017", "hösten 2017 och framåt": a start, and no end.
        if (openEnded)
        {
            end = null;
        }

        return new ParsedSchedule(start, end, ongoing, perYear, everyDays);
    }

    private static (int? PerYear, int? EveryDays) ReadRecurrence(ref string text)
    {
        int? perYear = null;
        int? everyDays = null;

        text = TimesPerPeriod().Replace(text, m =>
        {
            var count = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var period = m.Groups["period"].Value;
            if (period.StartsWith("år", StringComparison.Ordinal))
            {
                perYear = count;
            }
            else if (period.StartsWith("termin", StringComparison.Ordinal))
            {
                perYear = count * 2;
            }
            else if (period.StartsWith("tertial", StringComparison.Ordinal))
            {
                perYear = count * 3;
            }
            else if (period.StartsWith("kvartal", StringComparison.Ordinal))
            {
                perYear = count * 4;
            }
            else if (period.StartsWith("mån", StringComparison.Ordinal))
            {
                perYear = count * 12;
            }
            else if (period.StartsWith("vecka", StringComparison.Ordinal))
            {
                everyDays = Math.Max(1, 7 / count);
            }
            return " ";
        });

        text = EveryNth().Replace(text, m =>
        {
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            everyDays = m.Groups["unit"].Value.StartsWith("vecka", StringComparison.Ordinal) ? n * 7 : n;
            return " ";
        });

        text = EveryUnit().Replace(text, m =>
        {
            switch (m.Groups["unit"].Value)
            {
                case "dag":
                    everyDays = 1;
                    break;
                case "vecka":
                    everyDays = 7;
                    break;
                case "varannan vecka":
                    everyDays = 14;
                    break;
                case "månad":
                case "månadsvis":
                    perYear = 12;
                    break;
                case "kvartal":
                    perYear = 4;
                    break;
                case "termin":
                    perYear = 2;
                    break;
                default:
                    perYear = 1;
                    break;
            }
            return " ";
        });

        return (perYear, everyDays);
    }

    private static void ReadDates(ref string text, List<(DateOnly? Start, DateOnly? End)> spans)
    {
        text = FullDate().Replace(text, m => Due(spans, m, Year(m.Groups["y"].Value), m.Groups["m"].Value, m.Groups["d"].Value));
        text = CompactDate().Replace(text, m => Due(spans, m, 2000 + int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Groups["m"].Value, m.Groups["d"].Value));
        text = WrittenDate().Replace(text, m =>
        {
            var month = MonthNumber(m.Groups["month"].Value);
            return Due(spans, m, Year(m.Groups["y"].Value), month.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value);
        });
    }

    private static string Due(List<(DateOnly? Start, DateOnly? End)> spans, Match m, int year, string month, string day)
    {
        if (year is < MinYear or > MaxYear
            || !int.TryParse(month, CultureInfo.InvariantCulture, out var mm) || mm is < 1 or > 12
            || !int.TryParse(day, CultureInfo.InvariantCulture, out var dd) || dd < 1 || dd > DateTime.DaysInMonth(year, mm))
        {
            return m.Value;
        }
        var date = new DateOnly(year, mm, dd);
        spans.Add((null, date));
        return " ";
    }

    private static void ReadTerms(ref string text, List<(DateOnly? Start, DateOnly? End)> spans)
    {
        text = Term().Replace(text, m =>
        {
            var year = Year(m.Groups["y"].Value);
            var autumn = m.Groups["term"].Value.StartsWith('h');
            spans.Add(autumn
                ? (new DateOnly(year, 8, 1), new DateOnly(year, 12, 31))
                : (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)));
            return " ";
        });
    }

    private static void ReadMonths(ref string text, List<(DateOnly? Start, DateOnly? End)> spans)
    {
        text = MonthYear().Replace(text, m =>
        {
            var year = Year(m.Groups["y"].Value);
            var month = MonthNumber(m.Groups["month"].Value);
            spans.Add((new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month))));
            return " ";
        });
    }

    private static void ReadTertials(ref string text, List<(DateOnly? Start, DateOnly? End)> spans)
    {
        text = Tertial().Replace(text, m =>
        {
            var year = Year(m.Groups["y"].Value);
            var t = int.Parse(m.Groups["t"].Value, CultureInfo.InvariantCulture);
            var first = (t - 1) * 4 + 1;
            var last = first + 3;
            spans.Add((new DateOnly(year, first, 1), new DateOnly(year, last, DateTime.DaysInMonth(year, last))));
            return " ";
        });
    }

    private static void ReadYearRanges(ref string text, List<(DateOnly? Start, DateOnly? End)> spans)
    {
        text = YearRange().Replace(text, m =>
        {
            var from = Year(m.Groups["a"].Value);
            var toText = m.Groups["b"].Value;
            var to = toText.Length == 2 ? from / 100 * 100 + int.Parse(toText, CultureInfo.InvariantCulture) : Year(toText);
            if (to < from || to - from > 20 || to > MaxYear)
            {
                return m.Value;
            }
            spans.Add((new DateOnly(from, 1, 1), new DateOnly(to, 12, 31)));
            return " ";
        });
    }

    private static void ReadYears(ref string text, List<(DateOnly? Start, DateOnly? End)> spans)
    {
        text = SingleYear().Replace(text, m =>
        {
            var year = Year(m.Value);
            spans.Add((new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));
            return " ";
        });
    }

    private static int Year(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static int MonthNumber(string name) => name[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "maj" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "okt" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Okänd månad"),
    };

    private const string Months = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec";

    [GeneratedRegex(@"(?<n>\d{1,3})\s*(?:ggr|gånger|gång|g)\.?\s*(?:/|per|om|i|varje)\s*(?<period>året|år|terminen|termin|tertialet|tertial|kvartalet|kvartal|månaden|månad|mån|veckan|vecka)")]
    private static partial Regex TimesPerPeriod();

    [GeneratedRegex(@"\bvar\s+(?<n>\d{1,3})\s*:?\s*(?:e|a|de|te|nde)?\s+(?<unit>dag|dagar|vecka|veckor)\b")]
    private static partial Regex EveryNth();

    [GeneratedRegex(@"\b(?<unit>varannan vecka|månadsvis)\b|\b(?:varje|en gång (?:i|per|om)|var)\s+(?<unit>dag|vecka|månad|kvartal|termin|år)(?:en|et)?\b")]
    private static partial Regex EveryUnit();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})[-\s./]?(?<m>[01]\d)[-\s./]?(?<d>[0-3]\d)(?!\d)")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?!\d)")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)\s*(?:e|a|:e|:a)?\s+(?<month>" + Months + @")\.?\s+(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b(?<term>ht|vt|hösten|våren|höstterminen|vårterminen|hösttermin|vårtermin|höst|vår)\s*-?\s*(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex Term();

    [GeneratedRegex(@"\b(?<month>" + Months + @")\.?\s+(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?:t|tertial\s*)(?<t>[123])\s*(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex Tertial();

    [GeneratedRegex(@"(?<!\d)(?<a>(?:19|20)\d{2})\s*(?:-|–|—|/|till|t\.o\.m\.?)\s*(?<b>(?:19|20)\d{2}|\d{2})(?!\d)")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex SingleYear();

    [GeneratedRegex(@"\b(?:pågående|pågår|löpande|fortlöpande|kontinuerligt|kontinuerlig|ständigt|stående|återkommande|tills vidare|tillsvidare)\b")]
    private static partial Regex OngoingWords();

    [GeneratedRegex(@"\b(?:sedan|fr\.o\.m\.?|och framåt|framöver|start\w*|påbörja\w*|inleds|inleda)\b|^\s*från\b|\bfrån och med\b")]
    private static partial Regex StartWords();
}
