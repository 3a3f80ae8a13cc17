using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Varn.Core.Documents;
using Varn.Core.Plans;

namespace Varn.Core.FollowUp;

/// <summary>
/// A round as files: the follow-up report in Word, and one row per activity as CSV and XLSX for the city's management
/// system (ILS). The same CSV shape is read back, so that a file edited in a spreadsheet can be imported.
/// </summary>
public static class FollowUpFiles
{
    public const int MaxImportRows = 2000;

    public static readonly IReadOnlyList<string> Headers =
        ["nämnd", "år", "omgång", "aktivitets-id", "område", "aktivitet", "ansvarig", "tidplan", "status", "kommentar", "försenad"];

    public static string Name(RoundView view, string extension) =>
        $"uppfoljning-{view.Plan.Council!.Short}-{view.Plan.Year}-{view.Round.Kind.Code()}.{extension}";

    public sealed record File(byte[] Content, string ContentType, string Name);

    /// <summary>The round as "csv", "xlsx" or "docx"; null for any other format.</summary>
    public static File? Export(RoundView view, string format) => format.ToLowerInvariant() switch
    {
        "csv" => new File(Csv(view), TableFile.CsvContentType, Name(view, "csv")),
        "xlsx" => new File(Xlsx(view), TableFile.XlsxContentType, Name(view, "xlsx")),
        "docx" => new File(Word(view), Plans.Interchange.PlanWordExporter.ContentType, Name(view, "docx")),
        _ => null,
    };

    public static byte[] Csv(RoundView view) => TableFile.Csv(Headers, Rows(view));

    public static byte[] Xlsx(RoundView view) => TableFile.Xlsx("Uppföljning", Headers, Rows(view));

    private static IEnumerable<IReadOnlyList<object?>> Rows(RoundView view) => view.Lines.Select(line => (IReadOnlyList<object?>)
    [
        view.Plan.Council!.Name, view.Plan.Year, view.Round.Kind.Code(), line.Id, line.Area.Label(), line.Text, line.Responsible,
        line.Schedule, line.Status.Label(), line.Comment, line.Overdue ? "ja" : "nej",
    ]);

    /// <summary>The follow-up report: the plan's header, then per area each activity with responsible, status, comment and whether it is overdue.</summary>
    public static byte[] Word(RoundView view)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            WordStyles.AddTo(main);
            var body = new Body();
            var plan = view.Plan;
            body.Append(WordBlocks.Styled("Subtitle", plan.Council!.Name));
            body.Append(WordBlocks.Styled("Title", plan.Title));
            body.Append(WordBlocks.Styled("Heading1", $"Uppföljning: {view.Round.Kind.Label()} {plan.Year}"));
            var facts = new List<string>
            {
                $"Brytdatum {view.Cutoff:yyyy-MM-dd}. Ska lämnas in senast {view.Due:yyyy-MM-dd}.",
                view.Round.SubmittedAt is { } submitted
                    ? $"Inlämnad {Data.SwedishTime.ToSwedish(submitted):yyyy-MM-dd} av {view.Round.SubmittedBy}."
                    : "Omgången är öppen: uppgifterna kan fortfarande ändras.",
            };
            if (plan.Diarienummer is { } diarienummer)
            {
                facts.Add($"Diarienummer {diarienummer}.");
            }
            var overdue = view.Lines.Count(l => l.Overdue);
            facts.Add($"{view.Lines.Count} aktiviteter, varav {overdue} försenade.");
            foreach (var fact in facts)
            {
                body.Append(WordBlocks.Styled("Normal", fact));
            }
            foreach (var area in view.Lines.GroupBy(l => l.Area))
            {
                body.Append(WordBlocks.Styled("Heading2", area.Key.TableHeading()));
                body.Append(WordBlocks.Table(
                    [("Aktivitet", 6), ("Ansvarig", 4), ("Tidplan", 4), ("Status", 4), ("Kommentar", 6), ("Försenad", 4)],
                    area.Select(l => (IReadOnlyList<string>)
                    [
                        l.Meetings is { } meetings ? $"{l.Text}\n{meetings}" : l.Text, l.Responsible, l.Schedule ?? "", l.Status.Label(), l.Comment ?? "", l.Overdue ? "Ja" : "Nej",
                    ]).ToList()));
            }
            body.Append(WordBlocks.PageSetup(main));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nämnd"] = "council", ["council"] = "council",
        ["år"] = "year", ["year"] = "year",
        ["omgång"] = "round", ["round"] = "round",
        ["aktivitets-id"] = "id", ["id"] = "id",
        ["status"] = "status",
        ["kommentar"] = "comment", ["comment"] = "comment",
    };

    /// <summary>A row of an imported file: its line, and its values by the API's names.</summary>
    public sealed record ImportRow(int Line, string? Council, string? Year, string? Round, EntryInput Entry);

    /// <summary>The rows of a CSV in the export's shape (other columns are ignored), or a Swedish reason it cannot be read.</summary>
    public static (List<ImportRow> Rows, string? Error) ReadCsv(Stream stream)
    {
        var (rows, error) = TableFile.ReadCsv(stream, Columns, ["id", "status", "comment", "council", "year", "round"],
            string.Join(';', Headers), MaxImportRows);
        return (rows.Select(r => new ImportRow(r.Line, r.Values["council"], r.Values["year"], r.Values["round"],
            new EntryInput(r.Values["id"], r.Values["status"], string.IsNullOrWhiteSpace(r.Values["comment"]) ? null : r.Values["comment"]))).ToList(), error);
    }
}
