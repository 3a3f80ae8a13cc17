using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Varn.Core.Documents;

/// <summary>The styles, list numbering and footnote separators every Värn Word file starts from.</summary>
public static class WordStyles
{
    public const int BulletList = 1;
    public const int NumberedAbstract = 2;

    public static void AddTo(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                    new FontSize { Val = "22" },
                    new Languages { Val = "sv-SE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", null, isDefault: true),
            Paragraph("Title", "Title", new RunProperties(new Bold(), new FontSize { Val = "48" }, new Color { Val = "0B4F6C" }), spacingBefore: 2400),
            Paragraph("Subtitle", "Subtitle", new RunProperties(new FontSize { Val = "28" }, new Color { Val = "404040" })),
            Heading(1, "32"),
            Heading(2, "26"),
            Heading(3, "24"),
            Heading(4, "22"),
            Paragraph("TOCHeading", "TOC Heading", new RunProperties(new Bold(), new FontSize { Val = "28" }), spacingBefore: 240),
            Paragraph("TOC1", "toc 1", null),
            Paragraph("TOC2", "toc 2", null, indentLeft: 360),
            Paragraph("TableText", "Table Text", new RunProperties(new FontSize { Val = "20" }), spacingAfter: 40),
            Paragraph("FootnoteText", "footnote text", new RunProperties(new FontSize { Val = "18" }), spacingAfter: 0),
            Paragraph("Quote", "Quote", new RunProperties(new Italic()), indentLeft: 720),
            Character("FootnoteReference", "footnote reference", new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript })),
            Character("Hyperlink", "Hyperlink", new RunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single })),
            new Style(
                new StyleName { Val = "Varn Table" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new RightBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }),
                    new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "VarnTable" });

        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            AbstractList(BulletList, NumberFormatValues.Bullet, "•", "–"),
            AbstractList(NumberedAbstract, NumberFormatValues.Decimal, "%1.", "%2."),
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });

        var footnotes = main.AddNewPart<FootnotesPart>();
        footnotes.Footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });

        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(
            new UpdateFieldsOnOpen { Val = true },
            new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }));
    }

    /// <summary>A new numbered list that starts again at 1.</summary>
    public static int NewNumberedList(MainDocumentPart main)
    {
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        var id = numbering.Elements<NumberingInstance>().Max(n => n.NumberID!.Value) + 1;
        numbering.Append(new NumberingInstance(
            new AbstractNumId { Val = NumberedAbstract },
            new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
        { NumberID = id });
        return id;
    }

    private static Style Heading(int level, string size) =>
        new(
            new StyleName { Val = $"heading {level}" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                new SpacingBetweenLines { Before = level == 1 ? "360" : "240", After = "120" },
                new OutlineLevel { Val = level - 1 }),
            level == 4
                ? new StyleRunProperties(new Bold(), new Italic(), new FontSize { Val = size }, new Color { Val = "0B4F6C" })
                : new StyleRunProperties(new Bold(), new FontSize { Val = size }, new Color { Val = "0B4F6C" }))
        { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };

    private static Style Paragraph(string id, string name, RunProperties? run, bool isDefault = false, int spacingBefore = -1, int spacingAfter = -1, int indentLeft = 0)
    {
        var paragraph = new StyleParagraphProperties();
        if (spacingBefore >= 0 || spacingAfter >= 0)
        {
            paragraph.Append(new SpacingBetweenLines
            {
                Before = spacingBefore >= 0 ? spacingBefore.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                After = spacingAfter >= 0 ? spacingAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            });
        }
        if (indentLeft > 0)
        {
            paragraph.Append(new Indentation { Left = indentLeft.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var style = new Style(new StyleName { Val = name }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
        }
        style.Append(paragraph);
        if (run is not null)
        {
            style.Append(new StyleRunProperties(run.ChildElements.Select(c => c.CloneNode(true))));
        }
        return style;
    }

    private static Style Character(string id, string name, RunProperties run) =>
        new(new StyleName { Val = name }, new StyleRunProperties(run.ChildElements.Select(c => c.CloneNode(true))))
        { Type = StyleValues.Character, StyleId = id };

    private static AbstractNum AbstractList(int id, NumberFormatValues format, string first, string second) =>
        new(
            new MultiLevelType { Val = MultiLevelValues.HybridMultilevel },
            new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = first }, new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" })) { LevelIndex = 0 },
            new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = second }, new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "1440", Hanging = "360" })) { LevelIndex = 1 })
        { AbstractNumberId = id };
}
