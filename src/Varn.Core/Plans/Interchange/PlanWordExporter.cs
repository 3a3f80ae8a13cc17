using Varn.Core.Documents;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Varn.Core.Plans.Interchange;

/// <summary>
/// A plan as the Word document councils decide: a cover page, a table of contents, the sections of the common
/// structure as navigable headings, the activity tables with the columns the plan uses and header rows repeated on
/// every page, last year's statuses when the plan is a revision, and page numbers.
/// </summary>
public static class PlanWordExporter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(PlanForDocument source)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            WordStyles.AddTo(main);
            var markdown = new MarkdownToWord(main);
            var plan = source.Plan;
            var body = new Body();
            var headings = Headings(source);

            AddCover(body, source);
            AddTableOfContents(body, headings);

            var bookmark = 1;
            foreach (var (key, level, title, anchor) in headings)
            {
                body.Append(Heading(title, level, anchor, bookmark++));
                if (key is { } section)
                {
                    body.Append(markdown.Convert(plan.Section(section), level));
                    foreach (var area in section.AreasAfter())
                    {
                        AddActivityTable(body, source, area, Math.Min(level + 1, 3), ref bookmark);
                    }
                }
                else if (anchor == PreviousAnchor)
                {
                    AddPreviousStatuses(body, source);
                }
            }

            body.Append(WordBlocks.PageSetup(main));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private const string PreviousAnchor = "_Varn_Previous";

    /// <summary>The document's chapters in order: sections (Kartläggning and Analys under Lokal lägesbild), then last year's statuses.</summary>
    private static List<(SectionKey? Key, int Level, string Title, string Anchor)> Headings(PlanForDocument source)
    {
        var headings = new List<(SectionKey?, int, string, string)>();
        foreach (var key in SectionKeys.InOrder)
        {
            if (key == SectionKey.SituationMapping)
            {
                headings.Add((null, 1, SectionKeys.SituationPictureTitle, "_Varn_situationPicture"));
            }
            headings.Add((key, key.IsPartOfSituationPicture() ? 2 : 1, key.Title(), $"_Varn_{Codes.Of(key)}"));
        }
        if (source.PreviousYear is { } year)
        {
            headings.Add((null, 1, $"Status på föregående års åtgärder ({year})", PreviousAnchor));
        }
        return headings;
    }

    private static void AddCover(Body body, PlanForDocument source)
    {
        var plan = source.Plan;
        body.Append(WordBlocks.Styled("Subtitle", source.Municipality));
        body.Append(WordBlocks.Styled("Subtitle", plan.Council.Name));
        body.Append(WordBlocks.Styled("Title", plan.Title));
        body.Append(WordBlocks.Styled("Normal", $"År: {plan.Year}"));
        body.Append(WordBlocks.Styled("Normal", $"Dnr: {plan.Diarienummer ?? "–"}"));
        body.Append(WordBlocks.Styled("Normal", $"Steg: {plan.Stage.Label()}"));
        if (source.DecidedOn is { } decided)
        {
            body.Append(WordBlocks.Styled("Normal", $"Behandlad i nämnd: {Date(decided)}"));
        }
        if (source.ApprovedOn is { } approved)
        {
            body.Append(WordBlocks.Styled("Normal", $"Godkänd av kommunstyrelsen: {Date(approved)}"));
        }
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
    }

    /// <summary>
    /// A real TOC field, already filled with the chapters (Word refreshes page numbers when it opens the file;
    /// other readers show the entries as they are).
    /// </summary>
    private static void AddTableOfContents(Body body, IReadOnlyList<(SectionKey? Key, int Level, string Title, string Anchor)> headings)
    {
        body.Append(WordBlocks.Styled("TOCHeading", "Innehåll"));
        for (var i = 0; i < headings.Count; i++)
        {
            var (_, level, title, anchor) = headings[i];
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = level == 1 ? "TOC1" : "TOC2" }));
            if (i == 0)
            {
                paragraph.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }
            paragraph.Append(new Hyperlink(new Run(new Text(title))) { Anchor = anchor, History = true });
            if (i == headings.Count - 1)
            {
                paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }
            body.Append(paragraph);
        }
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
    }

    private static Paragraph Heading(string title, int level, string anchor, int bookmarkId)
    {
        var id = bookmarkId.ToString(CultureInfo.InvariantCulture);
        return new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }),
            new BookmarkStart { Name = anchor, Id = id },
            new Run(new Text(title)),
            new BookmarkEnd { Id = id });
    }

    private static void AddActivityTable(Body body, PlanForDocument source, ActivityArea area, int level, ref int bookmark)
    {
        var rows = source.Plan.Activities.Where(a => a.Area == area).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        body.Append(Heading(area.TableHeading(), level, $"_Varn_table_{Codes.Of(area)}", bookmark++));

        var columns = new List<(string Header, Func<PlanDocumentActivity, string> Value, int Width)>
        {
            ("Aktivitet", a => a.Text, 4),
            ("Ansvarig", a => a.Responsible, 2),
        };
        if (source.ShowPartners)
        {
            columns.Add(("Samverkan", a => string.Join("\n", a.Partners), 2));
        }
        if (source.ShowSchedule)
        {
            columns.Add(("Tidplan", a => a.Schedule ?? "", 2));
        }
        if (source.ShowFollowUp)
        {
            columns.Add(("Uppföljning", a => a.FollowUp ?? "", 2));
        }
        if (source.ShowStatus)
        {
            columns.Add(("Status", a => a.Status.Label(), 2));
        }
        body.Append(WordBlocks.Table(columns.Select(c => (c.Header, c.Width)).ToList(), rows.Select(r => columns.Select(c => c.Value(r)).ToList()).ToList()));
    }

    private static void AddPreviousStatuses(Body body, PlanForDocument source)
    {
        body.Append(WordBlocks.Styled("Normal", $"Status för {source.PreviousYear} års aktiviteter när planen reviderades. Aktiviteter som inte var genomförda eller inställda förs över till {source.Plan.Year} års plan."));
        body.Append(WordBlocks.Table(
            [("Område", 2), ("Aktivitet", 5), ("Status", 2), ("Kommentar", 3), ("Förs över", 2)],
            source.Previous.Select(p => (IReadOnlyList<string>)[p.Area.Label(), p.Text, p.Status.Label(), p.Comment ?? "", p.Carried ? "Ja" : "Nej"]).ToList()));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
