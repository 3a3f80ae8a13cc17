using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Varn.Core.Plans.Interchange;

/// <summary>One activity table found in a Word file, and what was made of it.</summary>
public sealed record FoundTable(int Number, string? Heading, ActivityArea Area, bool AreaGuessed, IReadOnlyList<string> Columns, IReadOnlyList<string> Ignored, int Activities);

/// <summary>What a Word file held: the activities, the tables they came from, and what was not understood. Or why it could not be read.</summary>
public sealed record WordReadResult(IReadOnlyList<PlanDocumentActivity> Activities, IReadOnlyList<FoundTable> Tables, IReadOnlyList<string> NotUnderstood, string? Error)
{
    public static WordReadResult Failed(string error) => new([], [], [], error);
}

/// <summary>
/// Reads the activity tables of an existing Word plan (DESIGN C6): any table whose header row names Aktivitet or
/// Åtgärd and Ansvarig, with optional Samverkan/Övriga aktörer, Tidplan, Genomfört/Status and Uppföljning columns in
/// any order. Each table's area comes from its own header or the heading above it; the older tables' first column of
/// areas is understood too. The file is checked before it is opened: size, zip structure, expansion.
/// </summary>
public static partial class WordPlanReader
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private const long MaxExpandedBytes = 100 * 1024 * 1024;
    private const int MaxEntries = 2000;
    private const int MaxRatio = 200;

    private enum Column
    {
        Area,
        Text,
        Responsible,
        Partners,
        Schedule,
        Status,
        FollowUp,
    }

    public static WordReadResult Read(byte[] file)
    {
        if (file.Length == 0)
        {
            return WordReadResult.Failed("Filen är tom.");
        }
        if (file.Length > MaxBytes)
        {
            return WordReadResult.Failed($"Filen är {file.Length / 1024 / 1024} MB. Största tillåtna storlek är {MaxBytes / 1024 / 1024} MB.");
        }
        if (file.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return WordReadResult.Failed("Filen är lösenordsskyddad (krypterad) eller i det äldre formatet .doc. Öppna den i Word, ta bort lösenordet och spara som .docx.");
        }
        if (!file.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return WordReadResult.Failed("Filen är inte ett Word-dokument (.docx).");
        }
        if (CheckPackage(file) is { } problem)
        {
            return WordReadResult.Failed(problem);
        }

        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            var body = word.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return WordReadResult.Failed("Filen är inte ett Word-dokument: den saknar dokumenttext.");
            }
            return ReadBody(body);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or InvalidOperationException or IOException)
        {
            return WordReadResult.Failed("Filen är skadad och kan inte läsas som ett Word-dokument.");
        }
    }

    /// <summary>Looks inside the zip without expanding it: a Word file, not too many parts, nothing that expands enormously.</summary>
    private static string? CheckPackage(byte[] file)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return "Filen innehåller orimligt många delar och lästes inte.";
            }
            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                expanded += entry.Length;
                if (expanded > MaxExpandedBytes || (entry.Length > 1024 * 1024 && entry.Length > entry.CompressedLength * MaxRatio))
                {
                    return "Filen packas upp till orimligt mycket data (en så kallad zip-bomb) och lästes inte.";
                }
            }
            return zip.GetEntry("word/document.xml") is null ? "Filen är inte ett Word-dokument (.docx)." : null;
        }
        catch (InvalidDataException)
        {
            return "Filen är skadad och kan inte läsas som ett Word-dokument.";
        }
    }

    private static WordReadResult ReadBody(Body body)
    {
        var activities = new List<PlanDocumentActivity>();
        var tables = new List<FoundTable>();
        var notUnderstood = new List<string>();
        string? heading = null;
        var number = 0;

        foreach (var element in body.Elements())
        {
            if (element is Paragraph paragraph && IsHeading(paragraph) && Text(paragraph) is { Length: > 0 } text)
            {
                heading = text;
                continue;
            }
            if (element is not Table table)
            {
                continue;
            }
            number++;
            var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(CellText).ToList()).ToList();
            var headerIndex = rows.Take(3).ToList().FindIndex(IsHeaderRow);
            if (headerIndex < 0)
            {
                continue;
            }
            var (columns, ignored, tableHeading) = MapColumns(rows[headerIndex]);
            var hint = tableHeading ?? heading;
            var area = AreaOf(hint);
            var guessed = area is null && !columns.ContainsValue(Column.Area);
            var defaultArea = area ?? ActivityArea.Prevention;
            if (guessed)
            {
                notUnderstood.Add($"Tabell {number}: området gick inte att avgöra från rubriken «{hint ?? "(ingen rubrik)"}»; aktiviteterna lästes in som {defaultArea.Label()}.");
            }
            foreach (var column in ignored)
            {
                notUnderstood.Add($"Tabell {number}: kolumnen «{column}» förstods inte och lästes inte in.");
            }

            var count = 0;
            ActivityArea? rowArea = null;
            for (var r = headerIndex + 1; r < rows.Count; r++)
            {
                var cells = rows[r];
                string Value(Column column) => columns.Where(c => c.Value == column).Select(c => c.Key < cells.Count ? cells[c.Key] : "").FirstOrDefault() ?? "";
                if (columns.ContainsValue(Column.Area) && AreaOf(Value(Column.Area)) is { } labelled)
                {
                    rowArea = labelled;
                }
                var activityText = Value(Column.Text).Trim();
                if (activityText.Length == 0)
                {
                    if (cells.Any(c => c.Trim().Length > 0) && !(columns.ContainsValue(Column.Area) && cells.Count(c => c.Trim().Length > 0) == 1 && Value(Column.Area).Trim().Length > 0))
                    {
                        notUnderstood.Add($"Tabell {number}, rad {r + 1}: raden saknar aktivitet och lästes inte in.");
                    }
                    continue;
                }
                var schedule = Value(Column.Schedule).ReplaceLineEndings(" ").Trim();
                var status = StatusOf(Value(Column.Status), schedule);
                activities.Add(new PlanDocumentActivity(
                    rowArea ?? defaultArea,
                    Limit(activityText, PlanDocumentReader.MaxActivityTextLength),
                    Limit(Value(Column.Responsible).Trim(), PlanDocumentReader.MaxResponsibleLength),
                    Value(Column.Partners).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(PlanDocumentReader.MaxPartners).Select(p => Limit(p, PlanDocumentReader.MaxPartnerLength)).ToList(),
                    schedule.Length == 0 ? null : Limit(schedule, PlanDocumentReader.MaxScheduleLength),
                    Value(Column.FollowUp).Trim() is { Length: > 0 } followUp ? Limit(followUp, PlanDocumentReader.MaxFollowUpLength) : null,
                    status));
                count++;
            }
            tables.Add(new FoundTable(number, hint, defaultArea, guessed, columns.Values.Select(Name).Distinct().ToList(), ignored, count));
        }
        return tables.Count == 0
            ? WordReadResult.Failed("Filen innehåller inga aktivitetstabeller: ingen tabell har en rubrikrad som nämner Aktivitet eller Åtgärd och Ansvarig.")
            : new WordReadResult(activities, tables, notUnderstood, null);
    }

    private static bool IsHeaderRow(List<string> cells) =>
        cells.Any(c => ActivityHeader().IsMatch(c)) && cells.Any(c => Normal(c).StartsWith("ansvarig", StringComparison.Ordinal));

    private static (Dictionary<int, Column> Columns, List<string> Ignored, string? TableHeading) MapColumns(List<string> header)
    {
        var columns = new Dictionary<int, Column>();
        var ignored = new List<string>();
        string? tableHeading = null;
        for (var i = 0; i < header.Count; i++)
        {
            var name = Normal(header[i]);
            Column? column = name switch
            {
                "" when i == 0 => Column.Area,
                _ when ActivityHeader().IsMatch(name) && !columns.ContainsValue(Column.Text) => Column.Text,
                _ when name.StartsWith("ansvarig", StringComparison.Ordinal) && !columns.ContainsValue(Column.Responsible) => Column.Responsible,
                _ when name.Contains("samverkan") || name.Contains("aktörer") || name.Contains("samarbete") => Column.Partners,
                _ when name.Contains("tidplan") || name.StartsWith("tid", StringComparison.Ordinal) || name.Contains("genomfört") || name.Contains("planerat") => Column.Schedule,
                _ when name.StartsWith("status", StringComparison.Ordinal) => Column.Status,
                _ when name.Contains("uppföljning") => Column.FollowUp,
                _ => null,
            };
            if (column is { } mapped)
            {
                columns[i] = mapped;
                if (mapped == Column.Text && name.Length > "aktiviteter".Length + 3)
                {
                    // "Aktiviteter för förebyggande arbete" names the table's area as well.
                    tableHeading = header[i].Trim();
                }
            }
            else if (name.Length > 0)
            {
                ignored.Add(header[i].Trim());
            }
        }
        return (columns, ignored, tableHeading);
    }

    public static ActivityArea? AreaOf(string? text)
    {
        var name = Normal(text ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return name switch
        {
            _ when name.Contains("förening") || name.Contains("bidrag") || name.Contains("lokal") && name.Contains("upplåt") || name.Contains("lokaler") => ActivityArea.GrantsAndPremises,
            _ when name.Contains("kompetens") || name.Contains("utbildning") => ActivityArea.Competence,
            _ when name.Contains("förhindr") || name.Contains("agerande") => ActivityArea.Hindering,
            _ when name.Contains("förebygg") => ActivityArea.Prevention,
            _ when name.Contains("lägesbild") || name.Contains("kartlägg") => ActivityArea.SituationPicture,
            _ when name.Contains("uppföljning") => ActivityArea.FollowUp,
            _ when name.Contains("organisation") || name.Contains("ansvarochsamverkan") => ActivityArea.Organisation,
            _ => null,
        };
    }

    private static ActivityStatus StatusOf(string cell, string schedule)
    {
        foreach (var status in Enum.GetValues<ActivityStatus>())
        {
            if (string.Equals(cell.Trim(), status.Label(), StringComparison.CurrentCultureIgnoreCase))
            {
                return status;
            }
        }
        var text = Normal(cell.Length > 0 ? cell : schedule);
        return text switch
        {
            _ when text.Contains("inställ") => ActivityStatus.Cancelled,
            _ when text.Contains("uppskjut") => ActivityStatus.Postponed,
            _ when text.Contains("genomförd") || text.Contains("klar") => ActivityStatus.Done,
            _ when text.Contains("pågå") || text.Contains("löpande") => ActivityStatus.Ongoing,
            _ => ActivityStatus.Planned,
        };
    }

    private static bool IsHeading(Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        return style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.StartsWith("Rubrik", StringComparison.OrdinalIgnoreCase)
            || paragraph.ParagraphProperties?.OutlineLevel is not null
            || (paragraph.Elements<Run>().Any() && paragraph.Elements<Run>().All(r => r.RunProperties?.Bold is not null) && Text(paragraph).Length is > 0 and < 120);
    }

    private static string CellText(TableCell cell) =>
        string.Join("\n", cell.Elements<Paragraph>().Select(Text).Where(t => t.Length > 0));

    private static string Text(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            TabChar => " ",
            Break => "\n",
            _ => "",
        })).Trim();

    private static string Normal(string text) => text.Trim().ToLowerInvariant();

    private static string Name(Column column) => column switch
    {
        Column.Area => "Område",
        Column.Text => "Aktivitet",
        Column.Responsible => "Ansvarig",
        Column.Partners => "Samverkan",
        Column.Schedule => "Tidplan",
        Column.Status => "Status",
        _ => "Uppföljning",
    };

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];

    [GeneratedRegex(@"^\s*(aktivitet|åtgärd)", RegexOptions.IgnoreCase)]
    private static partial Regex ActivityHeader();
}
