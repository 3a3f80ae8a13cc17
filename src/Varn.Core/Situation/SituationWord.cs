using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Varn.Core.Documents;
using Varn.Core.Rendering;

namespace Varn.Core.Situation;

/// <summary>The picture as the plan's "Lokal lägesbild" chapter in Word: the numbers as tables, the findings, mapping and analysis.</summary>
public static class SituationWord
{
    public static byte[] Write(SituationPicture picture)
    {
        string Show(Figure figure) => figure.Show(picture.Threshold);

        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            WordStyles.AddTo(main);
            var markdown = new MarkdownToWord(main);
            var body = new Body();
            body.Append(WordBlocks.Styled("Subtitle", picture.CouncilName));
            body.Append(WordBlocks.Styled("Heading1", $"Lokal lägesbild {picture.Year}"));
            body.Append(WordBlocks.Styled("Normal", picture.FrozenAt is { } frozen
                ? $"Fastställd {Data.SwedishTime.ToSwedish(frozen):yyyy-MM-dd}, då planen för {picture.Year} godkändes."
                : $"Utkast. Rapporter som bedömts som relevanta för våldsbejakande extremism {picture.From:yyyy-MM-dd} – {picture.To:yyyy-MM-dd}, i hela kvartal."));
            if (picture.Suppressed)
            {
                body.Append(WordBlocks.Styled("Normal", $"Antal från 1 till {picture.Threshold - 1} visas som «färre än {picture.Threshold}»; där ett sådant antal annars skulle gå att räkna ut ur en summa är ytterligare ett antal «dolt»."));
            }

            body.Append(WordBlocks.Styled("Heading2", "Följande har framkommit"));
            foreach (var finding in picture.Findings)
            {
                body.Append(WordBlocks.Styled("Normal", "– " + finding));
            }
            if (picture.Mapping is { Length: > 0 } mapping)
            {
                body.Append(WordBlocks.Styled("Heading2", "Kartläggning"));
                body.Append(markdown.Convert(mapping, 2));
            }
            if (picture.Analysis is { Length: > 0 } analysis)
            {
                body.Append(WordBlocks.Styled("Heading2", "Analys"));
                body.Append(markdown.Convert(analysis, 2));
            }

            body.Append(WordBlocks.Styled("Heading2", "Rapporter"));
            body.Append(WordBlocks.Table([("Miljö", 3), ("Antal", 1)],
                [.. picture.Reports.ByEnvironment.Select(e => (IReadOnlyList<string>)[PictureLabels.Environment(e.Key), Show(e.Value)]), ["Summa", Show(picture.Reports.Total)]]));
            body.Append(WordBlocks.Styled("Normal", ""));
            body.Append(WordBlocks.Table([("Kategori (en rapport med flera kategorier räknas under var och en)", 3), ("Antal", 1)],
                picture.Reports.ByCategory.Where(c => c.Value.Suppressed || c.Value.Count > 0).Select(c => (IReadOnlyList<string>)[PictureLabels.Category(c.Key), Show(c.Value)]).ToList()));
            body.Append(WordBlocks.Styled("Normal", ""));
            body.Append(WordBlocks.Table([("Kvartal", 3), ("Antal", 1)],
                [.. picture.Reports.ByQuarter.Select(q => (IReadOnlyList<string>)[$"{q.Year} K{q.Quarter}", Show(q.Count)]), ["Summa", Show(picture.Reports.Total)]]));

            body.Append(WordBlocks.Styled("Heading2", "Utveckling över sju år"));
            body.Append(WordBlocks.Table([("År", 3), ("Relevanta rapporter", 1)], picture.Trend.Select(t => (IReadOnlyList<string>)[t.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Show(t.Total)]).ToList()));
            body.Append(WordBlocks.Styled("Heading2", "Nämnden och staden"));
            body.Append(WordBlocks.Table([("", 3), ("Per 10 000 invånare", 1)],
                [["Nämnden", Figures.Rate(picture.PerTenThousand.Council)], ["Staden", Figures.Rate(picture.PerTenThousand.City)]]));

            if (picture.Survey is { } survey)
            {
                body.Append(WordBlocks.Styled("Heading2", $"Enkäten {survey.Year}"));
                body.Append(WordBlocks.Styled("Normal", $"{Show(survey.Answered)} svar, svarsfrekvens {(survey.ResponseRate is { } r ? $"{r:0.#} %" : "–")}."));
                body.Append(WordBlocks.Table([("Fråga", 3), ("Andel ja", 1)],
                    survey.Shares.Select(s => (IReadOnlyList<string>)[s.Label, s.Yes is { } yes ? $"{yes:0.#} %" : "–"]).ToList()));
            }
            if (picture.Police is { } police)
            {
                body.Append(WordBlocks.Styled("Heading2", "Polisens bedömning"));
                if (police.Text is { } text)
                {
                    body.Append(WordBlocks.Styled("Normal", text));
                }
                if (police.ByEnvironment.Count > 0)
                {
                    body.Append(WordBlocks.Table([("Miljö", 3), ("Antal", 1)], police.ByEnvironment.Select(p => (IReadOnlyList<string>)[PictureLabels.Environment(p.Key), Show(p.Value)]).ToList()));
                }
            }
            if (picture.Statistics.Count > 0 || picture.ConcernReports is not null)
            {
                body.Append(WordBlocks.Styled("Heading2", "Statistik från andra källor"));
                var rows = new List<IReadOnlyList<string>>();
                if (picture.ConcernReports is { } concern)
                {
                    rows.Add(["Orosanmälningar med inslag av våldsbejakande extremism", Show(concern)]);
                }
                rows.AddRange(picture.Statistics.Select(s => (IReadOnlyList<string>)[s.Source, Show(s.Count)]));
                body.Append(WordBlocks.Table([("Källa", 3), ("Antal", 1)], rows));
            }
            body.Append(WordBlocks.PageSetup(main));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }
}
