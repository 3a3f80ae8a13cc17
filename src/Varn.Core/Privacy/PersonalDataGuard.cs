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
/// in free text, also as Word and phones write them (typographic dashes and spaces, labels glued to the number).
/// Dates (also with month names), times, diarienummer, law and document references, years, amounts, counts, postal
/// codes, organisation, bankgiro and plusgiro numbers are not hits. Every free text that may describe people passes
/// it before it is stored.
/// </summary>
public static class PersonalDataGuard
{
    public static IReadOnlyList<PersonalDataHit> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var normal = NormalisedText.From(text);
        return GuardRules.Find(normal.Text)
            .Select(h =>
            {
                var (index, length) = normal.Original(h.Index, h.Length);
                return h with { Index = index, Length = length };
            })
            .OrderBy(h => h.Index)
            .ToList();
    }

    /// <summary>A refusal naming what was found and where, or null when the text is clean.</summary>
    public static string? Refusal(string? text, string field)
    {
        var hits = Find(text);
        return hits.Count == 0
            ? null
            : $"{field} innehåller {string.Join(" och ", hits.Select(h => h.Describe()))}. Ta bort det: uppgifter som kan identifiera en person får inte sparas i Värn.";
    }
}
