using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Varn.Core.Documents;

/// <summary>
/// Turns a section's Markdown into Word: headings, paragraphs, bullet and numbered lists, emphasis, links and real
/// Word footnotes. Raw HTML in the text is kept as text, as on the web page.
/// </summary>
public sealed class MarkdownToWord(MainDocumentPart main)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseFootnotes().UseAutoLinks().UseEmphasisExtras().Build();

    private readonly record struct Format(bool Bold, bool Italic, bool Strike, bool Code);

    /// <param name="headingLevel">The Word heading level of the section itself; "#" in the text becomes the level below it.</param>
    public IEnumerable<OpenXmlElement> Convert(string? markdown, int headingLevel)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }
        var document = Markdown.Parse(markdown, Pipeline);
        var output = new List<OpenXmlElement>();
        foreach (var block in document)
        {
            AddBlock(output, block, headingLevel, listLevel: -1, numberId: 0);
        }
        return output;
    }

    private void AddBlock(List<OpenXmlElement> output, Block block, int headingLevel, int listLevel, int numberId)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var level = Math.Min(4, headingLevel + heading.Level);
                output.Add(Para(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), Inlines(heading.Inline, default)));
                break;
            case ParagraphBlock paragraph:
                var properties = new ParagraphProperties();
                if (listLevel >= 0)
                {
                    properties.Append(new NumberingProperties(new NumberingLevelReference { Val = listLevel }, new NumberingId { Val = numberId }));
                }
                output.Add(Para(properties, Inlines(paragraph.Inline, default)));
                break;
            case ListBlock list:
                var id = list.IsOrdered ? WordStyles.NewNumberedList(main) : WordStyles.BulletList;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var first = true;
                    foreach (var child in item)
                    {
                        // Only the item's first paragraph carries the bullet; nested lists go one level in.
                        AddBlock(output, child, headingLevel, child is ListBlock ? Math.Min(listLevel + 1, 1) : first ? Math.Min(listLevel + 1, 1) : -1, id);
                        first = false;
                    }
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    if (child is ParagraphBlock quoted)
                    {
                        output.Add(Para(new ParagraphProperties(new ParagraphStyleId { Val = "Quote" }), Inlines(quoted.Inline, default)));
                    }
                    else
                    {
                        AddBlock(output, child, headingLevel, listLevel, numberId);
                    }
                }
                break;
            case LeafBlock leaf when leaf is CodeBlock:
                foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count))
                {
                    output.Add(new Paragraph(Text(line.ToString(), new Format(false, false, false, true))));
                }
                break;
            case FootnoteGroup:
            case ThematicBreakBlock:
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                output.Add(new Paragraph(Inlines(leaf.Inline, default)));
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddBlock(output, child, headingLevel, listLevel, numberId);
                }
                break;
        }
    }

    public static Paragraph Para(ParagraphProperties properties, IEnumerable<OpenXmlElement> content) =>
        new(new OpenXmlElement[] { properties }.Concat(content));

    private IEnumerable<OpenXmlElement> Inlines(ContainerInline? container, Format format)
    {
        if (container is null)
        {
            yield break;
        }
        foreach (var inline in container)
        {
            foreach (var element in Inline(inline, format))
            {
                yield return element;
            }
        }
    }

    private IEnumerable<OpenXmlElement> Inline(Inline inline, Format format)
    {
        switch (inline)
        {
            case LiteralInline literal:
                yield return Text(literal.Content.ToString(), format);
                break;
            case EmphasisInline emphasis:
                var inner = emphasis.DelimiterChar == '~'
                    ? format with { Strike = true }
                    : emphasis.DelimiterCount >= 2 ? format with { Bold = true } : format with { Italic = true };
                foreach (var element in Inlines(emphasis, inner))
                {
                    yield return element;
                }
                break;
            case CodeInline code:
                yield return Text(code.Content, format with { Code = true });
                break;
            case LineBreakInline lineBreak:
                yield return lineBreak.IsHard ? new Run(new Break()) : Text(" ", format);
                break;
            case FootnoteLink { IsBackLink: false } footnote:
                yield return FootnoteReference(footnote.Footnote);
                break;
            case AutolinkInline autolink:
                yield return Link(autolink.Url, [Text(autolink.Url, format)]);
                break;
            case LinkInline { IsImage: false } link:
                yield return Link(link.Url, Inlines(link, format).ToList());
                break;
            case HtmlInline html:
                yield return Text(html.Tag, format);
                break;
            case ContainerInline other:
                foreach (var element in Inlines(other, format))
                {
                    yield return element;
                }
                break;
        }
    }

    private static Run Text(string text, Format format)
    {
        var properties = new RunProperties();
        if (format.Bold)
        {
            properties.Append(new Bold());
        }
        if (format.Italic)
        {
            properties.Append(new Italic());
        }
        if (format.Strike)
        {
            properties.Append(new Strike());
        }
        if (format.Code)
        {
            properties.Append(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" });
        }
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private OpenXmlElement Link(string? url, IReadOnlyList<OpenXmlElement> content)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return new Run(content.OfType<Run>().SelectMany(r => r.Elements<Text>()).Select(t => t.CloneNode(true)));
        }
        var relation = main.AddHyperlinkRelationship(uri, true);
        var runs = content.OfType<Run>().Select(run =>
        {
            var copy = (Run)run.CloneNode(true);
            (copy.RunProperties ??= new RunProperties()).PrependChild(new RunStyle { Val = "Hyperlink" });
            return copy;
        });
        return new Hyperlink(runs) { Id = relation.Id, History = true };
    }

    private Run FootnoteReference(Markdig.Extensions.Footnotes.Footnote footnote)
    {
        var footnotes = main.FootnotesPart!.Footnotes!;
        var id = footnotes.Elements<DocumentFormat.OpenXml.Wordprocessing.Footnote>().Max(f => f.Id!.Value) + 1;
        var note = new DocumentFormat.OpenXml.Wordprocessing.Footnote { Id = id };
        var first = true;
        foreach (var paragraph in footnote.OfType<ParagraphBlock>())
        {
            var word = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }));
            if (first)
            {
                word.Append(new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReferenceMark()));
                word.Append(new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }));
                first = false;
            }
            word.Append(Inlines(paragraph.Inline, default));
            note.Append(word);
        }
        footnotes.Append(note);
        return new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = id });
    }
}
