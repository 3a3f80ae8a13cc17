using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Varn.Core.Documents;

/// <summary>
/// A table as a file for other systems and spreadsheets: CSV as Swedish Excel reads it (semicolons, UTF-8 with a byte
/// order mark) and XLSX with a header row. Every export of counts or rows uses these two.
/// </summary>
public static class TableFile
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Swedish))
        {
            foreach (var header in headers)
            {
                csv.WriteField(header);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(field);
                }
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Xlsx(string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = BoldHeaderStyles();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, headers.Cast<object?>().ToList(), header: true));
            uint line = 2;
            foreach (var row in rows)
            {
                data.Append(Row(line++, row, header: false));
            }
            var columns = new Columns(headers.Select((header, index) => new Column
            {
                Min = (uint)index + 1,
                Max = (uint)index + 1,
                Width = Math.Clamp(header.Length + 4, 12, 60),
                CustomWidth = true,
            }));
            var frozenHeader = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
            part.Worksheet = new Worksheet(frozenHeader, columns, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheet.Length > 31 ? sheet[..31] : sheet }));
        }
        return buffer.ToArray();
    }

    private static Row Row(uint line, IReadOnlyList<object?> values, bool header)
    {
        var row = new Row { RowIndex = line };
        foreach (var value in values)
        {
            var cell = value switch
            {
                null => new Cell(),
                int number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) },
                double number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, Swedish) ?? "")) },
            };
            if (header)
            {
                cell.StyleIndex = 1;
            }
            row.Append(cell);
        }
        return row;
    }

    /// <summary>The smallest stylesheet Excel accepts, with one extra cell format (index 1) in bold for the header row.</summary>
    private static Stylesheet BoldHeaderStyles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

    /// <summary>
    /// Reads a CSV file with a header row, separated by semicolons or commas (whichever the header has more of), as
    /// named values: <paramref name="columns"/> maps each accepted header (Swedish or English, any case) to its name.
    /// Blank lines are skipped. Returns the rows with their line in the file, or a Swedish reason the file cannot be read.
    /// </summary>
    public static (List<(int Line, IReadOnlyDictionary<string, string?> Values)> Rows, string? Error) ReadCsv(
        Stream stream, IReadOnlyDictionary<string, string> columns, IReadOnlyList<string> required, string expectedHeader, int maxRows)
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
            return ([], $"Filen är tom. Den ska ha en rubrikrad: {expectedHeader}.");
        }
        var header = csv.Record!.Select(h => columns.GetValueOrDefault(h.Trim())).ToList();
        var missing = required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], $"Rubrikraden saknar {string.Join(", ", missing)}. Den ska vara: {expectedHeader}.");
        }
        var rows = new List<(int, IReadOnlyDictionary<string, string?>)>();
        while (csv.Read())
        {
            var record = csv.Record!;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (rows.Count == maxRows)
            {
                return ([], $"Filen har fler än {maxRows} rader.");
            }
            rows.Add((csv.Row, required.ToDictionary(c => c, c => header.IndexOf(c) is var index and >= 0 && index < record.Length ? record[index].Trim() : null)));
        }
        return (rows, null);
    }
}
