using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Varn.Core.Documents;

/// <summary>The building blocks Värn's Word files share: an A4 page with page numbers, styled paragraphs, tables with a repeated header row.</summary>
public static class WordBlocks
{
    /// <summary>The text width of an A4 page with 2.5 cm margins, in twentieths of a point: upright and on its side.</summary>
    public const int PortraitTextWidth = 9072;
    public const int LandscapeTextWidth = 14004;

    /// <summary>A table over the text width, shared by the columns' weights.</summary>
    public static Table Table(IReadOnlyList<(string Header, int Width)> columns, IReadOnlyList<IReadOnlyList<string>> rows, int textWidth = PortraitTextWidth)
    {
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => textWidth * c.Width / total).ToList();
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "VarnTable" },
                new TableWidth { Width = textWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < columns.Count; i++)
        {
            header.Append(Cell(columns[i].Header, widths[i], bold: true, shaded: true));
        }
        table.Append(header);
        foreach (var row in rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < row.Count; i++)
            {
                tableRow.Append(Cell(row[i], widths[i], bold: false, shaded: false));
            }
            table.Append(tableRow);
        }
        return table;
    }

    public static TableCell Cell(string text, int width, bool bold, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3", Color = "auto" });
        }
        var cell = new TableCell(properties);
        foreach (var line in text.Split('\n'))
        {
            var run = new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve });
            if (bold)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }
            cell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }), run));
        }
        return cell;
    }

    /// <summary>A4 with page numbers in the footer; <paramref name="landscape"/> for wide tables.</summary>
    public static SectionProperties PageSetup(MainDocumentPart main, bool landscape = false)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            landscape
                ? new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1417, Bottom = 1417, Left = 1417, Right = 1417, Header = 708, Footer = 708, Gutter = 0 });
    }

    public static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
