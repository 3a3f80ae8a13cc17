using Varn.Core.Documents;

namespace Varn.Core.Situation;

/// <summary>The picture's numbers as CSV or XLSX: one row per published number, hidden ones as the page shows them.</summary>
public static class SituationFile
{
    private static readonly string[] Headers = ["Del", "Vad", "År", "Kvartal", "Antal"];

    public static byte[] Csv(SituationPicture picture) => TableFile.Csv(Headers, Rows(picture));

    public static byte[] Xlsx(SituationPicture picture) => TableFile.Xlsx("Lägesbild", Headers, Rows(picture));

    public static string Name(SituationPicture picture, string extension) => $"lagesbild-{picture.Council}-{picture.Year}.{extension}";

    private static IEnumerable<IReadOnlyList<object?>> Rows(SituationPicture picture)
    {
        object? Value(Figure figure) => figure.Suppressed ? figure.Show(picture.Threshold) : figure.Count;

        yield return ["Relevanta rapporter", $"Totalt {picture.From:yyyy-MM-dd} – {picture.To:yyyy-MM-dd}", null, null, Value(picture.Reports.Total)];
        foreach (var (code, figure) in picture.Reports.ByEnvironment)
        {
            yield return ["Per miljö", PictureLabels.Environment(code), null, null, Value(figure)];
        }
        foreach (var (code, figure) in picture.Reports.ByCategory)
        {
            yield return ["Per kategori", PictureLabels.Category(code), null, null, Value(figure)];
        }
        foreach (var quarter in picture.Reports.ByQuarter)
        {
            yield return ["Per kvartal", "Alla", quarter.Year, quarter.Quarter, Value(quarter.Count)];
        }
        foreach (var cell in picture.Reports.Cells)
        {
            yield return ["Miljö och kategori", $"{PictureLabels.Environment(cell.Environment)} – {PictureLabels.Category(cell.Category)}", cell.Year, cell.Quarter, Value(cell.Count)];
        }
        foreach (var point in picture.Trend)
        {
            yield return ["Utveckling", "Relevanta rapporter under året", point.Year, null, Value(point.Total)];
        }
        yield return ["Befolkning", "Invånare", picture.Year, null, picture.Population];
        yield return ["Per 10 000 invånare", "Nämnden", null, null, picture.PerTenThousand.Council];
        yield return ["Per 10 000 invånare", "Staden", null, null, picture.PerTenThousand.City];
        if (picture.Survey is { } survey)
        {
            yield return ["Enkäten", "Antal svar", survey.Year, null, Value(survey.Answered)];
            yield return ["Enkäten", "Svarsfrekvens (%)", survey.Year, null, survey.ResponseRate];
            foreach (var share in survey.Shares)
            {
                yield return ["Enkäten, andel ja (%)", share.Label, survey.Year, null, share.Yes];
            }
        }
        foreach (var (code, figure) in picture.Police?.ByEnvironment ?? new Dictionary<string, Figure>())
        {
            yield return ["Polisen", PictureLabels.Environment(code), picture.Year, null, Value(figure)];
        }
        if (picture.ConcernReports is { } concern)
        {
            yield return ["Statistik", "Orosanmälningar med inslag av våldsbejakande extremism", picture.Year, null, Value(concern)];
        }
        foreach (var line in picture.Statistics)
        {
            yield return ["Statistik", line.Source, picture.Year, null, Value(line.Count)];
        }
    }
}
