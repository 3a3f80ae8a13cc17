using System.Globalization;
using System.Text.RegularExpressions;

namespace Varn.Core.Privacy;

/// <summary>
/// The guard's rules, on normalised text (<see cref="NormalisedText"/>): what each kind of personal data looks like,
/// and what looks like it but is not — a time range or a date is not a phone number, "Kista torg 12 maj" is a date
/// and "Handlingsplan 2" a document, not an address; a lower-case "abc 123" is a plate only when the text is about a vehicle.
/// </summary>
internal static partial class GuardRules
{
    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "januari", "feb", "februari", "mar", "mars", "apr", "april", "maj", "jun", "juni", "jul", "juli", "aug", "augusti",
        "sep", "sept", "september", "okt", "oktober", "nov", "november", "dec", "december",
    };

    /// <summary>Street words that follow a street's name as a word of their own: "Fiktiva allé", "Kista torg".</summary>
    private static readonly HashSet<string> StreetWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "gatan", "gata", "vägen", "väg", "gränden", "gränd", "backen", "backe", "torget", "torg", "allén", "allé", "stigen",
        "stig", "stranden", "strand", "platsen", "plats", "planen", "plan",
    };

    /// <summary>Street words that end a street's name, "Exempel|gatan": the words above, and some that only end one ("Norr|kajen").</summary>
    private static readonly HashSet<string> EndingStreetWords =
        new(StreetWords.Concat(["gången", "leden", "kajen", "kaj"]), StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a number that make it a count or a measure, not a house number.</summary>
    private static readonly HashSet<string> Quantities = new(StringComparer.OrdinalIgnoreCase)
    {
        "st", "stycken", "kr", "kronor", "sek", "procent", "meter", "m", "km", "mil", "minuter", "min", "timmar", "tim", "h",
        "dagar", "dygn", "veckor", "månader", "år", "gånger", "ggr", "personer", "pers", "deltagare", "elever", "barn",
        "ungdomar", "medarbetare", "ärenden", "rapporter", "platser", "kvällar", "nätter", "grader", "av", "till", "och",
    };

    /// <summary>Words that cannot name a street in "X torg 3" or start a compound such as "genomgången 2".</summary>
    private static readonly HashSet<string> NotStreetNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "på", "vid", "i", "till", "från", "mot", "av", "över", "under", "en", "ett", "den", "det", "om", "för", "med", "och",
        "som", "där", "här", "genom", "upp", "ned", "ner", "fram", "bort", "halv", "mellan", "efter", "före", "samman",
        "första", "andra", "tredje", "nästa", "sista", "förra", "denna", "hela", "gen", "utan", "inom", "bakom", "handlings",
        "verksamhets", "åtgärds", "arbets", "likabehandlings", "utbildnings", "projekt", "kommunikations", "tid", "budget",
        "detalj", "översikts", "kris", "beredskaps", "insats", "genomförande", "vård", "behandlings", "mål", "aktivitets",
    };

    /// <summary>A word right before "Odenplan 5" or "Medborgarplatsen 3" that makes it a place someone is at.</summary>
    private static readonly HashSet<string> AddressCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "på", "vid", "utanför", "bor", "bodde", "adress", "adressen", "porten", "hos", "nära", "intill",
    };

    private static readonly HashSet<string> PhoneWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "tel", "telefon", "telefonnummer", "telnr", "nr", "nummer", "numret", "mobil", "mobilnummer", "mobilnr", "ring", "sms", "ringde",
    };

    private static readonly HashSet<string> NotPlates = new(StringComparer.OrdinalIgnoreCase)
    {
        "den", "det", "som", "och", "med", "har", "kan", "att", "ska", "hos", "mot", "nya", "nog", "bra", "alla", "fem", "sex",
        "tre", "ett", "per", "cirka", "kap", "ggr", "tel", "nr", "dnr", "sfs", "lss", "sol", "bil", "mc",
    };

    public static List<PersonalDataHit> Find(string text)
    {
        var hits = new List<PersonalDataHit>();
        foreach (Match match in IdentityNumber().Matches(text))
        {
            if (IdentityKind(match) is { } kind && !IsLabelledMobileNumber(text, match))
            {
                Add(hits, kind, match);
            }
        }
        foreach (Match match in Email().Matches(text))
        {
            Add(hits, PersonalDataKind.Email, match);
        }
        var datesAndTimes = TimeRange().Matches(text).Concat(NumericDate().Matches(text)).ToList();
        foreach (Match match in Phone().Matches(text))
        {
            if (IsPhoneNumber(match.Value) && !datesAndTimes.Any(d => Overlap(d.Index, d.Length, match.Index, match.Length)))
            {
                Add(hits, PersonalDataKind.PhoneNumber, match);
            }
        }
        foreach (var (index, length) in StreetAddresses(text))
        {
            Add(hits, PersonalDataKind.StreetAddress, index, length);
        }
        foreach (Match match in VehicleRegistration().Matches(text))
        {
            if (IsVehicleRegistration(text, match))
            {
                Add(hits, PersonalDataKind.VehicleRegistration, match);
            }
        }
        return hits;
    }

    private static void Add(List<PersonalDataHit> hits, PersonalDataKind kind, Match match) =>
        Add(hits, kind, match.Index, match.Length);

    private static void Add(List<PersonalDataHit> hits, PersonalDataKind kind, int index, int length)
    {
        if (!hits.Any(h => Overlap(h.Index, h.Length, index, length)))
        {
            hits.Add(new PersonalDataHit(kind, index, length));
        }
    }

    private static bool Overlap(int index, int length, int otherIndex, int otherLength) =>
        otherIndex < index + length && index < otherIndex + otherLength;

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

    /// <summary>
    /// "tel:0701740631": ten digits from 07 can be a valid coordination number and a mobile number at once; a phone
    /// word right before decides. Either way the text is refused; this only names the kind right.
    /// </summary>
    private static bool IsLabelledMobileNumber(string text, Match match) =>
        match.Value.StartsWith("07", StringComparison.Ordinal) && match.Value.All(char.IsAsciiDigit)
        && PreviousWord(text, match.Index) is { } word && PhoneWords.Contains(word);

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

    /// <summary>7–9 digits after the country code or the trunk 0 (and a "(0)" after the country code): years, dates and amounts have fewer or no 0.</summary>
    private static bool IsPhoneNumber(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        var start = value.TrimStart('(', ' ');
        var trunk = value.Contains("(0)", StringComparison.Ordinal) ? 1 : 0;
        var national = start.StartsWith('+') ? digits - 2 - trunk : start.StartsWith("0046", StringComparison.Ordinal) ? digits - 4 - trunk : digits - 1;
        return national is >= 7 and <= 9;
    }

    /// <summary>
    /// The street addresses in a text, from the candidates the pattern finds. A candidate without a street in it
    /// ("Kalle 1234 tr") is passed one character at a time, so that a street starting inside it ("tr allé 3") is still
    /// found; a street that is not an address ("Handlingsplanen 2") is passed whole.
    /// </summary>
    private static IEnumerable<(int Index, int Length)> StreetAddresses(string text)
    {
        var match = StreetCandidate().Match(text);
        while (match.Success)
        {
            if (Street(match) is not var (start, name, streetWord))
            {
                match = StreetCandidate().Match(text, match.Index + 1);
                continue;
            }
            if (IsStreetAddress(text, match, start, name, streetWord))
            {
                yield return (start, match.Index + match.Length - start);
            }
            match = match.NextMatch();
        }
    }

    /// <summary>
    /// The street in a candidate, or null when it has none: a street word on its own after a name ("Fiktiva allé 9"), or
    /// a name ending in a street word after at least three letters ("Exempelgatan 12"; the longest such ending, as in
    /// "Handlings|planen").
    /// </summary>
    private static (int Start, string Name, string StreetWord)? Street(Match match)
    {
        var name = match.Groups["name"];
        if (match.Groups["word"] is { Success: true } word && StreetWords.Contains(name.Value))
        {
            return (word.Index, word.Value, name.Value);
        }
        for (var stem = 3; stem < name.Length; stem++)
        {
            if (EndingStreetWords.Contains(name.Value[stem..]))
            {
                return (name.Index, name.Value[..stem], name.Value[stem..]);
            }
        }
        return null;
    }

    private static bool IsStreetAddress(string text, Match match, int start, string name, string streetWord)
    {
        if (NotStreetNames.Contains(name))
        {
            return false;
        }
        if (!match.Groups["notes"].Success || match.Groups["notes"].Length == 0)
        {
            var next = NextWord(text, match.Index + match.Length);
            if (next is not null && (Months.Contains(next) || Quantities.Contains(next)))
            {
                return false;
            }
        }
        // "Odenplan 5" is a square someone is at, "Handlingsplan 2" a document: squares need a word that places someone there.
        return streetWord.ToLowerInvariant() is not ("plan" or "planen" or "plats" or "platsen") || AddressCues.Contains(PreviousWord(text, start) ?? "");
    }

    private static bool IsVehicleRegistration(string text, Match match)
    {
        var letters = match.Groups["letters"].Value;
        if (letters.All(char.IsUpper) && !char.IsLower(match.Value[^1]))
        {
            return true;
        }
        if (NotPlates.Contains(letters))
        {
            return false;
        }
        var from = Math.Max(0, match.Index - 60);
        var around = text[from..Math.Min(text.Length, match.Index + match.Length + 30)];
        return VehicleWord().IsMatch(around);
    }

    private static string? NextWord(string text, int index)
    {
        var word = Word().Match(text, index);
        return word.Success && text[index..word.Index].All(c => c is ' ' or ',' or '(') ? word.Value : null;
    }

    private static string? PreviousWord(string text, int index)
    {
        var before = text[..index].TrimEnd(' ', ':', '.', ',', '(');
        var words = Word().Matches(before);
        return words.Count > 0 && words[^1].Index + words[^1].Length == before.Length ? words[^1].Value : null;
    }

    [GeneratedRegex(@"[\p{L}%]+")]
    private static partial Regex Word();

    // 10 or 12 digits, a separator (-, +, a space, spaces around a dash) or none; a label may be glued before ("Pnr:").
    [GeneratedRegex(@"(?<!\d)(?<!\d[/:.,\-])(?<cc>\d{2})?(?<yy>\d{2})(?<mm>\d{2})(?<dd>\d{2})(?: {0,2}[-+] {0,2}| )?(?<nnn>\d{3})(?<c>\d)(?![\d/:]|[.,]\d)")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-åäöÅÄÖ]+@[A-Za-z0-9\-åäöÅÄÖ]+(?:\.[A-Za-z0-9\-åäöÅÄÖ]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // +46 / 0046 (and a "(0)") / 0, an area code or mobile prefix and the subscriber number, in any grouping of spaces,
    // dashes, slashes and parentheses.
    [GeneratedRegex(@"(?<!\d)(?<!\d[\-/.:,])(?:(?:\+ ?46|0046)[ \-/]*(?:\(0\)[ \-/]*)?|\(?0)[ \-/()]*[1-9](?:[ \-/()]*\d){5,8}(?!\d)")]
    private static partial Regex Phone();

    // "08.30–17.00", "08 30 – 17 00": a time range, not a phone number.
    [GeneratedRegex(@"(?<!\d)(?:[01]?\d|2[0-3])[.: ][0-5]\d ?- ?(?:[01]?\d|2[0-3])[.: ][0-5]\d(?!\d)")]
    private static partial Regex TimeRange();

    // "01 05 2024", "05/03 2024": a date, not a phone number.
    [GeneratedRegex(@"(?<!\d)(?:0?[1-9]|[12]\d|3[01])[ ./-](?:0?[1-9]|1[0-2])[ ./-](?:19|20)\d{2}(?!\d)")]
    private static partial Regex NumericDate();

    // A name, maybe after another word; a house number of at most three digits and maybe a letter; then maybe a flat
    // ("lgh 1102") and floor ("2 tr"). Whether the name is a street is decided in code (Street): as street words
    // in the pattern, the generated matcher grew so large that optimising it took the JIT 21 MB at once (ADR 0025).
    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<word>\p{L}{2,}) )?(?<name>\p{L}{3,}) +\d{1,3}(?: ?[a-h](?!\p{L}))?(?<notes>(?:,? *(?:lgh|lägenhet)\.? *\d{3,4}|,? *\d{1,2} *(?:tr|trappor|trappa|vån|våningen)(?!\p{L}))*)(?![\d\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StreetCandidate();

    // Swedish plates: three letters (no I, Q, V, Å, Ä, Ö) and three digits, or two digits and a letter.
    [GeneratedRegex(@"(?<![\p{L}\d])(?<letters>[a-hj-pr-uw-z]{3})[ \-]?\d{2}[\da-hj-pr-uw-z](?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VehicleRegistration();

    [GeneratedRegex(@"(?<!\p{L})(?:bil|bilen|bilar|bilens|fordon|fordonet|reg|regnr|regnummer|registreringsnummer|registreringsnumret|skylt|skylten|nummerplåt|nummerplåten|moped|mopeden|mc|motorcykel|motorcykeln|lastbil|lastbilen|skåpbil|skåpbilen|taxi|taxin|husbil|bilnummer|släp|släpet)(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VehicleWord();
}
