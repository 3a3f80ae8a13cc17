using System.Text.Json;
using System.Text.Unicode;
using Varn.Core.Organisation;

namespace Varn.Core.Plans.Interchange;

/// <summary>
/// Reads a <c>varn.plan/1</c> document strictly: every field is checked, unknown fields are errors, and every
/// error is reported with its JSON path. A document with any error yields no plan at all.
/// </summary>
public static class PlanDocumentReader
{
    /// <summary>The largest file accepted. The longest real plan is under 100 kB as JSON.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxActivities = 1000;
    public const int MaxSectionLength = 200_000;
    public const int MaxActivityTextLength = 4000;
    public const int MaxResponsibleLength = 1000;
    public const int MaxFollowUpLength = 1000;
    public const int MaxScheduleLength = 500;
    public const int MaxPartners = 50;
    public const int MaxPartnerLength = 300;

    private static readonly string[] RootFields = ["format", "council", "year", "title", "diarienummer", "stage", "sections", "activities"];
    private static readonly string[] CouncilFields = ["name", "kind"];
    private static readonly string[] ActivityFields = ["area", "text", "responsible", "partners", "schedule", "followUp", "status", "scheduleParsed"];

    public static (PlanDocument? Document, IReadOnlyList<FormatError> Errors) Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Fail("$", $"Filen är för stor ({utf8.Length / 1024 / 1024} MB). Största tillåtna storlek är {MaxBytes / 1024 / 1024} MB.");
        }
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        if (!Utf8.IsValid(utf8))
        {
            return Fail("$", "Filen är inte giltig UTF-8-text. Spara den som UTF-8 och försök igen.");
        }
        if (utf8.IsEmpty || utf8.Trim((ReadOnlySpan<byte>)" \t\r\n"u8).IsEmpty)
        {
            return Fail("$", "Filen är tom.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (rad {line + 1}, tecken {e.BytePositionInLine + 1})" : "";
            return Fail("$", $"Filen är inte giltig JSON{where}.");
        }

        using (json)
        {
            var errors = new List<FormatError>();
            var document = ReadRoot(json.RootElement, errors);
            return errors.Count > 0 ? (null, errors) : (document, errors);
        }
    }

    private static (PlanDocument?, IReadOnlyList<FormatError>) Fail(string path, string message) => (null, [new FormatError(path, message)]);

    private static PlanDocument? ReadRoot(JsonElement root, List<FormatError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", "Dokumentet ska vara ett JSON-objekt."));
            return null;
        }
        RejectUnknown(root, "$", RootFields, errors);

        var format = RequiredString(root, "$", "format", 50, errors);
        if (format is not null && format != PlanDocument.FormatName)
        {
            errors.Add(new("$.format", $"Okänt format «{format}». Värn läser «{PlanDocument.FormatName}»."));
        }

        var council = ReadCouncil(root, errors);
        var year = ReadYear(root, errors);
        var title = RequiredString(root, "$", "title", 500, errors);
        var diarienummer = OptionalString(root, "$", "diarienummer", 100, errors);
        var stage = RequiredCode<PlanStage>(root, "$", "stage", errors);
        var sections = ReadSections(root, errors);
        var activities = ReadActivities(root, errors);

        return council is null || year is null || title is null || stage is null || activities is null
            ? null
            : new PlanDocument(council, year.Value, title, NullIfBlank(diarienummer), stage.Value, sections, activities);
    }

    private static PlanDocumentCouncil? ReadCouncil(JsonElement root, List<FormatError> errors)
    {
        if (!root.TryGetProperty("council", out var council))
        {
            errors.Add(new("$.council", "Fältet saknas."));
            return null;
        }
        if (council.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.council", $"Ska vara ett objekt med name och kind, inte {Describe(council)}."));
            return null;
        }
        RejectUnknown(council, "$.council", CouncilFields, errors);
        var name = RequiredString(council, "$.council", "name", 200, errors);
        var kind = RequiredCode<CouncilKind>(council, "$.council", "kind", errors);
        return name is null || kind is null ? null : new PlanDocumentCouncil(name.Trim(), kind.Value);
    }

    private static int? ReadYear(JsonElement root, List<FormatError> errors)
    {
        if (!root.TryGetProperty("year", out var year))
        {
            errors.Add(new("$.year", "Fältet saknas."));
            return null;
        }
        if (year.ValueKind != JsonValueKind.Number || !year.TryGetInt32(out var value))
        {
            errors.Add(new("$.year", $"Ska vara ett årtal som heltal, till exempel 2019, inte {Describe(year)}."));
            return null;
        }
        if (value is < 2000 or > 2100)
        {
            errors.Add(new("$.year", $"Årtalet {value} är inte rimligt för en handlingsplan (2000–2100)."));
            return null;
        }
        return value;
    }

    private static Dictionary<SectionKey, string> ReadSections(JsonElement root, List<FormatError> errors)
    {
        var sections = new Dictionary<SectionKey, string>();
        if (!root.TryGetProperty("sections", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return sections;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.sections", $"Ska vara ett objekt med avsnittens texter, inte {Describe(element)}."));
            return sections;
        }
        foreach (var property in element.EnumerateObject())
        {
            var path = $"$.sections.{property.Name}";
            if (!Codes.TryParse<SectionKey>(property.Name, out var key))
            {
                errors.Add(new(path, $"Okänt avsnitt «{property.Name}». Kända avsnitt: {string.Join(", ", Codes.All<SectionKey>())}."));
                continue;
            }
            var text = StringValue(property.Value, path, MaxSectionLength, errors);
            sections[key] = text ?? "";
        }
        return sections;
    }

    private static List<PlanDocumentActivity>? ReadActivities(JsonElement root, List<FormatError> errors)
    {
        if (!root.TryGetProperty("activities", out var element))
        {
            errors.Add(new("$.activities", "Fältet saknas. En plan utan aktiviteter anges som en tom lista []."));
            return null;
        }
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("$.activities", $"Ska vara en lista med aktiviteter, inte {Describe(element)}."));
            return null;
        }
        if (element.GetArrayLength() > MaxActivities)
        {
            errors.Add(new("$.activities", $"Planen har {element.GetArrayLength()} aktiviteter; högst {MaxActivities} tas emot."));
            return null;
        }

        var activities = new List<PlanDocumentActivity>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var activity = ReadActivity(item, $"$.activities[{index}]", errors);
            if (activity is not null)
            {
                activities.Add(activity);
            }
            index++;
        }
        return activities;
    }

    private static PlanDocumentActivity? ReadActivity(JsonElement item, string path, List<FormatError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, $"Ska vara ett objekt, inte {Describe(item)}."));
            return null;
        }
        RejectUnknown(item, path, ActivityFields, errors);

        var area = RequiredCode<ActivityArea>(item, path, "area", errors);
        var text = RequiredString(item, path, "text", MaxActivityTextLength, errors);
        var responsible = OptionalString(item, path, "responsible", MaxResponsibleLength, errors);
        var partners = ReadPartners(item, path, errors);
        var schedule = OptionalString(item, path, "schedule", MaxScheduleLength, errors);
        var followUp = OptionalString(item, path, "followUp", MaxFollowUpLength, errors);
        var status = item.TryGetProperty("status", out _) ? RequiredCode<ActivityStatus>(item, path, "status", errors) : ActivityStatus.Planned;

        return area is null || text is null || status is null || partners is null
            ? null
            : new PlanDocumentActivity(area.Value, text.Trim(), responsible?.Trim() ?? "", partners, NullIfBlank(schedule), NullIfBlank(followUp), status.Value);
    }

    private static List<string>? ReadPartners(JsonElement item, string path, List<FormatError> errors)
    {
        if (!item.TryGetProperty("partners", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new($"{path}.partners", $"Ska vara en lista med texter, inte {Describe(element)}."));
            return null;
        }
        if (element.GetArrayLength() > MaxPartners)
        {
            errors.Add(new($"{path}.partners", $"Högst {MaxPartners} samverkansparter per aktivitet."));
            return null;
        }
        var partners = new List<string>();
        var index = 0;
        var failed = false;
        foreach (var partner in element.EnumerateArray())
        {
            var value = StringValue(partner, $"{path}.partners[{index++}]", MaxPartnerLength, errors, allowNull: false);
            if (string.IsNullOrWhiteSpace(value))
            {
                failed |= value is null;
                continue;
            }
            partners.Add(value.Trim());
        }
        return failed ? null : partners;
    }

    private static void RejectUnknown(JsonElement element, string path, string[] known, List<FormatError> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new($"{path}.{property.Name}", $"Okänt fält «{property.Name}». Tillåtna fält här: {string.Join(", ", known)}."));
            }
        }
    }

    private static string? RequiredString(JsonElement parent, string path, string name, int maxLength, List<FormatError> errors)
    {
        if (!parent.TryGetProperty(name, out var element))
        {
            errors.Add(new($"{path}.{name}", "Fältet saknas."));
            return null;
        }
        var value = StringValue(element, $"{path}.{name}", maxLength, errors, allowNull: false);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new($"{path}.{name}", "Får inte vara tomt."));
            return null;
        }
        return value;
    }

    private static string? OptionalString(JsonElement parent, string path, string name, int maxLength, List<FormatError> errors) =>
        parent.TryGetProperty(name, out var element) ? StringValue(element, $"{path}.{name}", maxLength, errors) : null;

    private static string? StringValue(JsonElement element, string path, int maxLength, List<FormatError> errors, bool allowNull = true)
    {
        if (element.ValueKind == JsonValueKind.Null && allowNull)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(path, $"Ska vara en text, inte {Describe(element)}."));
            return null;
        }
        var value = element.GetString()!;
        if (value.Length > maxLength)
        {
            errors.Add(new(path, $"Texten är {value.Length} tecken lång; högst {maxLength} tecken."));
            return null;
        }
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(new(path, "Texten innehåller otillåtna styrtecken."));
            return null;
        }
        return value.ReplaceLineEndings("\n");
    }

    private static TEnum? RequiredCode<TEnum>(JsonElement parent, string path, string name, List<FormatError> errors) where TEnum : struct, Enum
    {
        var code = RequiredString(parent, path, name, 50, errors);
        if (code is null)
        {
            return null;
        }
        if (!Codes.TryParse<TEnum>(code, out var value))
        {
            errors.Add(new($"{path}.{name}", $"Okänt värde «{code}». Tillåtna värden: {string.Join(", ", Codes.All<TEnum>())}."));
            return null;
        }
        return value;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "ett objekt",
        JsonValueKind.Array => "en lista",
        JsonValueKind.String => "en text",
        JsonValueKind.Number => $"talet {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "ett sanningsvärde",
        JsonValueKind.Null => "null",
        _ => "ett okänt värde",
    };
}
