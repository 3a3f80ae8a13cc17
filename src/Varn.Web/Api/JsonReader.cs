using System.Globalization;
using System.Text.Json;

namespace Varn.Web.Api;

/// <summary>
/// Reads a JSON object by hand so that every unknown field and every wrong type is named by its path
/// ("recipients[2].email"), instead of one generic binding error. Problems are added to the shared dictionary.
/// </summary>
public sealed class JsonReader(JsonElement element, Dictionary<string, string> errors, string prefix)
{
    /// <summary>A whole number, returned as text for the domain's own range check.</summary>
    public string? Number(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            errors[prefix + name] = "Ska vara ett heltal.";
            return null;
        }
        return number.ToString(CultureInfo.InvariantCulture);
    }

    public bool? Flag(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors[prefix + name] = "Ska vara true eller false.";
            return null;
        }
        return value.GetBoolean();
    }

    /// <summary>A nested object's reader, or null (with the problem named) when the field is not an object.</summary>
    public JsonReader? Object(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors[prefix + name] = "Ska vara ett JSON-objekt.";
            return null;
        }
        return new JsonReader(value, errors, $"{prefix}{name}.");
    }

    /// <summary>The names of the object's fields.</summary>
    public IEnumerable<string> Names => element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => p.Name).ToList() : [];

    /// <summary>Names every field that is not one of <paramref name="allowed"/>.</summary>
    public void Only(params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.TrimEnd('.') is { Length: > 0 } path ? path : "$"] = "Ska vara ett JSON-objekt.";
            return;
        }
        foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors[prefix + property.Name] = $"Okänt fält «{property.Name}».";
        }
    }

    public string? Text(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors[prefix + name] = "Ska vara en text.";
            return null;
        }
        return value.GetString();
    }

    public IReadOnlyList<string>? Texts(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            errors[prefix + name] = "Ska vara en lista med koder, till exempel [\"graffiti\"].";
            return null;
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    public IEnumerable<JsonElement> Array(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors[prefix + name] = "Ska vara en lista.";
            return [];
        }
        return value.EnumerateArray().ToList();
    }

    /// <summary>An object of whole numbers, {"rightWing": 1}; each number returned as text for the domain's own range check.</summary>
    public IEnumerable<(string Key, string? Value)> Counts(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors[prefix + name] = "Ska vara ett objekt med antal, till exempel {\"rightWing\": 1}.";
            return [];
        }
        var counts = new List<(string, string?)>();
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var number))
            {
                counts.Add((property.Name, number.ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                errors[$"{prefix}{name}.{property.Name}"] = "Ska vara ett heltal.";
            }
        }
        return counts;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }
}
