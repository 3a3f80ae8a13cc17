using System.Globalization;
using System.Text;
using CsvHelper;
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
}
