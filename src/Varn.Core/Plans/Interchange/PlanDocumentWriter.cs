using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Varn.Core.Schedules;

namespace Varn.Core.Plans.Interchange;

/// <summary>Writes a plan as <c>varn.plan/1</c> JSON: fixed field order, every section present, readable Swedish.</summary>
public static class PlanDocumentWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(PlanDocument plan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("format", PlanDocument.FormatName);
            json.WriteStartObject("council");
            json.WriteString("name", plan.Council.Name);
            json.WriteString("kind", Codes.Of(plan.Council.Kind));
            json.WriteEndObject();
            json.WriteNumber("year", plan.Year);
            json.WriteString("title", plan.Title);
            WriteNullable(json, "diarienummer", plan.Diarienummer);
            json.WriteString("stage", Codes.Of(plan.Stage));

            json.WriteStartObject("sections");
            foreach (var key in SectionKeys.InOrder)
            {
                json.WriteString(Codes.Of(key), plan.Section(key));
            }
            json.WriteEndObject();

            json.WriteStartArray("activities");
            foreach (var activity in plan.Activities)
            {
                WriteActivity(json, activity);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteActivity(Utf8JsonWriter json, PlanDocumentActivity activity)
    {
        json.WriteStartObject();
        json.WriteString("area", Codes.Of(activity.Area));
        json.WriteString("text", activity.Text);
        json.WriteString("responsible", activity.Responsible);
        json.WriteStartArray("partners");
        foreach (var partner in activity.Partners)
        {
            json.WriteStringValue(partner);
        }
        json.WriteEndArray();
        WriteNullable(json, "schedule", activity.Schedule);
        WriteNullable(json, "followUp", activity.FollowUp);
        json.WriteString("status", Codes.Of(activity.Status));
        WriteParsed(json, ScheduleParser.Parse(activity.Schedule));
        json.WriteEndObject();
    }

    private static void WriteParsed(Utf8JsonWriter json, ParsedSchedule? parsed)
    {
        if (parsed is null)
        {
            json.WriteNull("scheduleParsed");
            return;
        }
        json.WriteStartObject("scheduleParsed");
        WriteNullable(json, "start", parsed.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteNullable(json, "end", parsed.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteBoolean("ongoing", parsed.Ongoing);
        WriteNullable(json, "perYear", parsed.PerYear);
        WriteNullable(json, "everyDays", parsed.EveryDays);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value.Value);
        }
    }
}
