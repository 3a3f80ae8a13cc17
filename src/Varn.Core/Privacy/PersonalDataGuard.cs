using System.Globalization;
using System.Text.RegularExpressions;

namespace Varn.Core.Privacy;

public enum PersonalDataKind
{
    PersonalIdentityNumber,
    CoordinationNumber,
    PhoneNumber,
    Email,
    StreetAddress,
    VehicleRegistration,
}

/// <summary>Something in a text that identifies a person: what kind, and where (0-based index and length).</summary>
public sealed record PersonalDataHit(PersonalDataKind Kind, int Index, int Length)
{
    public string KindLabel => Kind switch
    {
        PersonalDataKind.PersonalIdentityNumber => "ett personnummer",
        PersonalDataKind.CoordinationNumber => "ett samordningsnummer",
        PersonalDataKind.PhoneNumber => "ett telefonnummer",
        PersonalDataKind.Email => "en e-postadress",
        PersonalDataKind.StreetAddress => "en gatuadress",
        _ => "ett registreringsnummer",
    };

    /// <summary>"ett personnummer (tecken 12–24)": the kind and the position, counted from 1 as a person reads.</summary>
    public string Describe() => $"{KindLabel} (tecken {Index + 1}–{Index + Length})";
}

/// <summary>
/// The personal-data guard (DESIGN §5 rule 1): finds Swedish personal identity and coordination numbers (valid date
/// and check digit), phone numbers, e-mail addresses, street addresses with a number and vehicle registration numbers
/// in free text. Dates, diarienummer, years, amounts, counts, times, postal codes and organisation numbers are not hits.
/// Every free text that may describe people passes it before it is stored.
/// </summary>
public static partial class PersonalDataGuard
{
    public static IReadOnlyList<PersonalDataHit> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var hits = new List<PersonalDataHit>();
        foreach (Match match in IdentityNumber().Matches(text))
        {
            if (IdentityKind(match) is { } kind)
            {
                hits.Add(new(kind, match.Index, match.Length));
            }
        }
        foreach (Match match in Email().Matches(text))
        {
            hits.Add(new(PersonalDataKind.Email, match.Index, match.Length));
        }
        foreach (Match match in Phone().Matches(text))
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            var national = match.Value.TrimStart().StartsWith('+') ? digits - 2 : match.Value.TrimStart().StartsWith("00", StringComparison.Ordinal) ? digits - 4 : digits - 1;
            if (national is >= 7 and <= 9 && !Overlaps(hits, match))
            {
                hits.Add(new(PersonalDataKind.PhoneNumber, match.Index, match.Length));
            }
        }
        foreach (Match match in StreetAddress().Matches(text))
        {
            if (!Overlaps(hits, match))
            {
                hits.Add(new(PersonalDataKind.StreetAddress, match.Index, match.Length));
            }
        }
        foreach (Match match in VehicleRegistration().Matches(text))
        {
            if (!Overlaps(hits, match))
            {
                hits.Add(new(PersonalDataKind.VehicleRegistration, match.Index, match.Length));
            }
        }
        return hits.OrderBy(h => h.Index).ToList();
    }

    /// <summary>A refusal naming what was found and where, or null when the text is clean.</summary>
    public static string? Refusal(string? text, string field)
    {
        var hits = Find(text);
        return hits.Count == 0
            ? null
            : $"{field} innehåller {string.Join(" och ", hits.Select(h => h.Describe()))}. Ta bort det: uppgifter som kan identifiera en person får inte sparas i Värn.";
    }

    private static bool Overlaps(List<PersonalDataHit> hits, Match match) =>
        hits.Any(h => match.Index < h.Index + h.Length && h.Index < match.Index + match.Length);

    /// <summary>A personal identity or coordination number: a real date (coordination: day + 60) and a valid Luhn check digit.</summary>
    private static PersonalDataKind? IdentityKind(Match match)
    {
        var month = int.Parse(match.Groups["mm"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["dd"].Value, CultureInfo.InvariantCulture);
        var coordination = day > 60;
        var realDay = coordination ? day - 60 : day;
        // Without the century the year is unknown: allow 29 February (2000 was a leap year).
        var year = 2000;
        if (match.Groups["cc"].Success)
        {
            var century = int.Parse(match.Groups["cc"].Value, CultureInfo.InvariantCulture);
            if (century is not (18 or 19 or 20))
            {
                return null;
            }
            year = century * 100 + int.Parse(match.Groups["yy"].Value, CultureInfo.InvariantCulture);
        }
        if (month is < 1 or > 12 || realDay < 1 || realDay > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        var ten = match.Groups["yy"].Value + match.Groups["mm"].Value + match.Groups["dd"].Value + match.Groups["nnn"].Value + match.Groups["c"].Value;
        return !Luhn(ten) ? null : coordination ? PersonalDataKind.CoordinationNumber : PersonalDataKind.PersonalIdentityNumber;
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<![\d/:.,-])(?<cc>\d{2})?(?<yy>\d{2})(?<mm>\d{2})(?<dd>\d{2})[-+ ]?(?<nnn>\d{3})(?<c>\d)(?![\d/:]|[.,]\d)")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-åäöÅÄÖ]+@[A-Za-z0-9\-åäöÅÄÖ]+(?:\.[A-Za-z0-9\-åäöÅÄÖ]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // +46 / 0046 / 0, then an area code or mobile prefix and the subscriber number, in any grouping of spaces, dashes
    // and parentheses. The count of digits decides (7–9 after the leading 0), so years, dates and amounts are not hits.
    [GeneratedRegex(@"(?<![\d\w])(?:\+46|0046|\(?0)[\s\-()]*[1-9](?:[\s\-()]*\d){5,8}(?![\d])")]
    private static partial Regex Phone();

    // A capitalised street name ending in a Swedish street word ("Exempelgatan", "Testvägen") or followed by one as a
    // word of its own ("Fiktiva allé", "Provs torg"), then a house number of at most three digits and maybe a letter.
    [GeneratedRegex(@"(?<!\p{L})\p{Lu}\p{L}*(?:gatan|vägen|gången|gränden|gränd|backen|backe|torget|torg|allén|allé|stigen|stig|stranden|strand|väg|gata|leden|kajen|kaj|platsen|plats|planen|plan|\s(?:gata|väg|gränd|backe|torg|allé|stig|strand|plan|plats))\s+\d{1,3}(?:\s?[A-Ha-h])?(?![\d\p{L}])")]
    private static partial Regex StreetAddress();

    // Swedish plates: three letters (no I, Q, V, Å, Ä, Ö) and three digits, or two digits and a letter.
    [GeneratedRegex(@"(?<![\p{L}\d])[A-HJ-PR-UW-Z]{3}\s?\d{2}[\dA-HJ-PR-UW-Z](?![\p{L}\d])")]
    private static partial Regex VehicleRegistration();
}
