using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Varn.Core.Documents;
using Varn.Core.FollowUp;
using Varn.Core.Plans;
using Varn.Core.Rendering;

namespace Varn.Core.Overview;

/// <summary>The city overview as a Word document for the executive board: one row per council, the same figures as the page, on a landscape page.</summary>
public static class OverviewWord
{
    public static byte[] Write(int year, IReadOnlyList<CouncilYear> rows, int threshold)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            WordStyles.AddTo(main);
            var body = new Body();
            body.Append(WordBlocks.Styled("Title", $"Stadens arbete mot våldsbejakande extremism {year}"));
            body.Append(WordBlocks.Styled("Normal",
                $"Översikt över nämndernas handlingsplaner, lägesbilder och uppföljning. {rows.Count(r => r.Plan is null)} av {rows.Count} nämnder har ingen plan för {year}."));
            body.Append(WordBlocks.Table(
                [("Nämnd", 7), ("Plan", 5), ("Lägesbild", 3), ("Aktiviteter (försenade)", 4), ("Uppföljning", 4), ("Svar", 2), ("Utbildning", 3), ("Rapporter per 10 000", 3)],
                rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Council.Name,
                    r.Plan is { } plan ? $"{plan.Stage.Label()}{(plan.ApprovedOn is { } approved ? $" {approved:yyyy-MM-dd}" : "")}" : "Ingen plan",
                    r.SituationPicture switch { PictureState.Frozen => "Fastställd", PictureState.Draft => "Utkast", _ => "Saknas" },
                    $"{r.ByStatus.Values.Sum()} ({r.Overdue})",
                    string.Join(", ", r.Rounds.Where(x => x.Value == RoundState.Submitted).Select(x => x.Key == RoundKind.Year ? "år" : x.Key.Code())) is { Length: > 0 } done ? $"Inlämnad: {done}" : "–",
                    Figures.Share(r.SurveyResponseRate, " %"),
                    Figures.Share(r.TrainingCompletion.Value, " %"),
                    r.ReportsPerTenThousand.Show(threshold),
                ]).ToList(), WordBlocks.LandscapeTextWidth));
            body.Append(WordBlocks.PageSetup(main, landscape: true));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }
}
