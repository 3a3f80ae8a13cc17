using Varn.Core.Documents;

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
        var (rows, error) = TableFile.ReadCsv(stream, Columns, ["unit", "course", "staff", "completed"], "enhet;kurs;anställda;genomfört (eller unit;course;staff;completed)", MaxRows);
        return (rows.Select(r => new CompletionInput(r.Values["unit"], r.Values["course"], r.Values["staff"], r.Values["completed"])).ToList(), rows.Select(r => r.Line).ToList(), error);
    }
}
