using Varn.Core.Documents;

namespace Varn.Core.Surveys;

/// <summary>A round's results as CSV or XLSX: one row per question and option, with the same hidden counts the viewer sees on the page.</summary>
public static class SurveyResultsFile
{
    private static readonly string[] Headers = ["Fråga", "Frågetext", "Svar", "Svarsalternativ", "Alla", "Andel av alla (%)", "Enheter", "Externa aktörer"];

    public static byte[] Csv(SurveyResult result, int threshold) => TableFile.Csv(Headers, Rows(result, threshold));

    public static byte[] Xlsx(SurveyResult result, int threshold) => TableFile.Xlsx("Enkätresultat", Headers, Rows(result, threshold));

    private static IEnumerable<IReadOnlyList<object?>> Rows(SurveyResult result, int threshold)
    {
        object? Value(Cell cell) => cell.Suppressed ? cell.Show(threshold) : cell.Count;
        yield return ["svar", "Antal svar", "", "", Value(result.Answered), result.ResponseRate, Value(result.AnsweredUnits), Value(result.AnsweredExternal)];
        foreach (var question in result.Questions)
        {
            foreach (var option in question.Options)
            {
                yield return [question.Code, question.Label, option.Option, option.Label, Value(option.All), option.All.Share, Value(option.Units), Value(option.External)];
            }
        }
    }
}
