using System.Globalization;
using Varn.Core.Privacy;

namespace Varn.Core.Reports;

/// <summary>A report as submitted, by the form or the API, before it is checked. Codes as in DESIGN §8 and §11.</summary>
public sealed record ReportSubmission(
    string? Date,
    string? Month,
    string? Council,
    string? PlaceType,
    IReadOnlyList<string>? Categories,
    string? Environment,
    string? Source,
    string? Description,
    IReadOnlyList<string>? ActionsTaken,
    string? ReporterContact);

/// <summary>A report that passed every check, including the personal-data guard.</summary>
public sealed record CheckedReport(
    DateOnly OccurredOn,
    bool MonthOnly,
    string Council,
    PlaceType PlaceType,
    IReadOnlyList<ReportCategory> Categories,
    ExtremistEnvironment Environment,
    ReportSource Source,
    string Description,
    IReadOnlyList<ActionTaken> ActionsTaken,
    string? ReporterContact);

public static class ReportChecks
{
    public const int MaxDescription = 4000;
    public const int MaxContact = 200;
    public const int MaxNote = 2000;

    /// <summary>Checks a submission; problems are keyed by the API's field names (date, categories, description …).</summary>
    public static (CheckedReport? Report, Dictionary<string, string> Errors) Check(ReportSubmission input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        DateOnly occurred = default;
        var monthOnly = false;
        var hasDate = !string.IsNullOrWhiteSpace(input.Date);
        var hasMonth = !string.IsNullOrWhiteSpace(input.Month);
        if (hasDate && hasMonth)
        {
            errors["date"] = "Ange antingen datum eller månad, inte båda.";
        }
        else if (hasDate)
        {
            if (!DateOnly.TryParseExact(input.Date!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out occurred))
            {
                errors["date"] = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2023-05-01.";
            }
        }
        else if (hasMonth)
        {
            if (DateOnly.TryParseExact(input.Month!.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out occurred))
            {
                monthOnly = true;
            }
            else
            {
                errors["month"] = "Ange månaden som ÅÅÅÅ-MM, till exempel 2023-05.";
            }
        }
        else
        {
            errors["date"] = "Ange när det hände: ett datum, eller månaden om du inte vet dagen.";
        }
        if (!errors.ContainsKey("date") && !errors.ContainsKey("month") && (occurred > today || occurred.Year < 2000))
        {
            errors[hasMonth ? "month" : "date"] = occurred > today ? "Datumet ligger i framtiden." : "Datumet är orimligt tidigt.";
        }

        if (string.IsNullOrWhiteSpace(input.Council))
        {
            errors["council"] = "Välj nämnd.";
        }
        var placeType = Code<PlaceType>(input.PlaceType, "placeType", "Välj typ av plats.", errors);
        var environment = Code<ExtremistEnvironment>(input.Environment, "environment", "Välj miljö. Välj Oklar om du inte vet.", errors);
        var source = Code<ReportSource>(input.Source, "source", "Välj var uppgiften kommer ifrån.", errors);
        var categories = Codes<ReportCategory>(input.Categories, "categories", errors);
        if (categories.Count == 0 && !errors.ContainsKey("categories"))
        {
            errors["categories"] = "Välj minst en kategori.";
        }
        var actions = Codes<ActionTaken>(input.ActionsTaken, "actionsTaken", errors);

        var description = input.Description?.Trim().ReplaceLineEndings("\n") ?? "";
        if (description.Length == 0)
        {
            errors["description"] = "Beskriv vad som hände.";
        }
        else if (description.Length > MaxDescription)
        {
            errors["description"] = $"Beskrivningen är {description.Length} tecken lång; högst {MaxDescription} tecken.";
        }
        else if (PersonalDataGuard.Refusal(description, "Beskrivningen") is { } refusal)
        {
            errors["description"] = refusal;
        }

        var contact = string.IsNullOrWhiteSpace(input.ReporterContact) ? null : input.ReporterContact.Trim();
        if (contact?.Length > MaxContact)
        {
            errors["reporterContact"] = $"Kontaktuppgiften får vara högst {MaxContact} tecken.";
        }

        return errors.Count > 0
            ? (null, errors)
            : (new CheckedReport(occurred, monthOnly, input.Council!.Trim(), placeType!.Value, categories, environment!.Value, source!.Value, description, actions, contact), errors);
    }

    /// <summary>Checks a coordinator's note with the same guard.</summary>
    public static string? CheckNote(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return null;
        }
        return note.Length > MaxNote ? $"Anteckningen får vara högst {MaxNote} tecken." : PersonalDataGuard.Refusal(note, "Anteckningen");
    }

    private static T? Code<T>(string? code, string field, string missing, Dictionary<string, string> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors[field] = missing;
            return null;
        }
        if (!Data.Codes.TryParse<T>(code.Trim(), out var value))
        {
            errors[field] = $"Okänt värde «{code}». Tillåtna: {string.Join(", ", Data.Codes.All<T>())}.";
            return null;
        }
        return value;
    }

    private static List<T> Codes<T>(IReadOnlyList<string>? codes, string field, Dictionary<string, string> errors) where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var code in codes ?? [])
        {
            if (!Data.Codes.TryParse<T>(code?.Trim(), out var value))
            {
                errors[field] = $"Okänt värde «{code}». Tillåtna: {string.Join(", ", Data.Codes.All<T>())}.";
                return [];
            }
            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }
        return values;
    }
}
