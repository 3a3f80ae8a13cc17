namespace Varn.Core.Grants;

/// <summary>
/// Swedish organisation numbers (Skatteverket, SKV 709): ten digits, NNNNNN-NNNN, the last a Luhn check digit, and the
/// third digit at least 2 — which is what tells it from a personal identity number (month 01–12). An association
/// is a legal person and never has a personal identity number, so one given here is refused as personal data.
/// </summary>
public static class OrganisationNumber
{
    /// <summary>The number as NNNNNN-NNNN, or the Swedish reason it is refused.</summary>
    public static (string? Number, string? Error) Check(string? raw)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, "Ange föreningens organisationsnummer.");
        }
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var shapeOk = text.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '\u2010' or '\u2011' or '\u2013');
        if (!shapeOk || digits.Length != 10)
        {
            return (null, "Organisationsnumret ska ha tio siffror, till exempel 802000-0000.");
        }
        if (!Luhn(digits))
        {
            return (null, "Organisationsnumret stämmer inte: kontrollsiffran är fel.");
        }
        if (digits[2] < '2')
        {
            return (null, "Det här ser ut som ett personnummer, inte ett organisationsnummer. En förening har alltid ett organisationsnummer (tredje siffran 2 eller högre); personnummer sparas inte.");
        }
        return ($"{digits[..6]}-{digits[6..]}", null);
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var value = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }
        return sum % 10 == 0;
    }
}
