using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

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
        using var workbook = new XLWorkbook();
        var worksheet = workbook.Worksheets.Add(sheet.Length > 31 ? sheet[..31] : sheet);
        for (var column = 0; column < headers.Count; column++)
        {
            worksheet.Cell(1, column + 1).Value = headers[column];
            worksheet.Cell(1, column + 1).Style.Font.Bold = true;
            // AdjustToContents() throws here (STACK.md): a fixed width readable for Swedish headers.
            worksheet.Column(column + 1).Width = Math.Clamp(headers[column].Length + 4, 12, 60);
        }
        var line = 2;
        foreach (var row in rows)
        {
            for (var column = 0; column < row.Count; column++)
            {
                var cell = worksheet.Cell(line, column + 1);
                switch (row[column])
                {
                    case null:
                        break;
                    case int number:
                        cell.Value = number;
                        break;
                    case double number:
                        cell.Value = number;
                        break;
                    default:
                        cell.Value = Convert.ToString(row[column], Swedish);
                        break;
                }
            }
            line++;
        }
        worksheet.SheetView.FreezeRows(1);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}
