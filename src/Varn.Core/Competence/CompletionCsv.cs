using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Varn.Core.Competence;

/// <summary>
/// The learning portal's export: one row per unit and course with staff and completed, with a header row
/// (unit;course;staff;completed, or enhet;kurs;anställda;genomfört), separated by semicolons or commas.
/// </summary>
public static class CompletionCsv
{
    public const int MaxRows = 5000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["unit"] = "unit", ["enhet"] = "unit",
        ["course"] = "course", ["kurs"] = "course",
        ["staff"] = "staff", ["anställda"] = "staff", ["antal anställda"] = "staff",
        ["completed"] = "completed", ["genomfört"] = "completed", ["genomförda"] = "completed",
    };

    /// <summary>The rows with the line of the file each came from, or a Swedish reason the file cannot be read at all.</summary>
    public static (List<CompletionInput> Rows, List<int> Lines, string? Error) Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var firstLine = text.Split('\n', 2)[0];
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ";" : ",",
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvParser(new StringReader(text), configuration);
        if (!csv.Read())
        {
            return ([], [], "Filen är tom. Den ska ha en rubrikrad: enhet;kurs;anställda;genomfört.");
        }
        var header = csv.Record!.Select(h => Columns.GetValueOrDefault(h.Trim())).ToList();
        var missing = new[] { "unit", "course", "staff", "completed" }.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [], $"Rubrikraden saknar {string.Join(", ", missing)}. Den ska vara: enhet;kurs;anställda;genomfört (eller unit;course;staff;completed).");
        }
        var rows = new List<CompletionInput>();
        var lines = new List<int>();
        while (csv.Read())
        {
            var record = csv.Record!;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (rows.Count == MaxRows)
            {
                return ([], [], $"Filen har fler än {MaxRows} rader.");
            }
            string? Value(string column) => header.IndexOf(column) is var index and >= 0 && index < record.Length ? record[index].Trim() : null;
            rows.Add(new CompletionInput(Value("unit"), Value("course"), Value("staff"), Value("completed")));
            lines.Add(csv.Row);
        }
        return (rows, lines, null);
    }
}
