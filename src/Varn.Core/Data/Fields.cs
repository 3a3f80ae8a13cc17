using System.Globalization;
using Varn.Core.Privacy;

namespace Varn.Core.Data;

/// <summary>
/// Reading typed-in values the same way in every register: guarded free text, dates as ÅÅÅÅ-MM-DD, whole numbers.
/// Each adds a Swedish message under the field's name to <c>errors</c> and returns null when the value is refused.
/// </summary>
public static class Fields
{
    /// <summary>Free text that may describe people: trimmed, at most <paramref name="max"/> characters, through the personal-data guard.</summary>
    public static string? Guarded(string? text, string field, int max, Dictionary<string, string> errors)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > max)
        {
            errors[field] = $"Högst {max} tecken.";
            return null;
        }
        if (PersonalDataGuard.Refusal(value, "Texten") is { } refusal)
        {
            errors[field] = refusal;
            return null;
        }
        return value;
    }

    public static DateOnly? Date(string? text, string field, Dictionary<string, string> errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = "Ange datum som ÅÅÅÅ-MM-DD.";
            }
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 2000 || date.Year > 2100)
        {
            errors[field] = "Ange datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.";
            return null;
        }
        return date;
    }

    /// <summary>A whole number from 0 to <paramref name="max"/>; spaces as thousands separators and a trailing "kr" are allowed.</summary>
    public static int? WholeNumber(string? text, string field, Dictionary<string, string> errors, int max, string example)
    {
        var value = text?.Replace(" ", "").Replace("\u00a0", "").Replace("kr", "").Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > max)
        {
            errors[field] = $"Ange ett heltal från 0 till {max:N0}, till exempel {example}.";
            return null;
        }
        return number;
    }
}
