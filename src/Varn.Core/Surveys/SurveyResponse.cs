using System.Text.Json;
using Varn.Core.Privacy;

namespace Varn.Core.Surveys;

/// <summary>What one recipient answered, checked: every code and option known, counts in range, free text clean.</summary>
public sealed record SurveyResponse(
    IReadOnlyDictionary<string, string> Choices,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Several,
    IReadOnlyDictionary<string, int> Relatives,
    string? Comments)
{
    public const int MaxComments = 4000;
    public const int MaxCount = 10_000;

    /// <summary>The structured answers as stored: question code → option, list of options, or counts per environment.</summary>
    public string ToJson()
    {
        var values = new Dictionary<string, object>();
        foreach (var (code, option) in Choices)
        {
            values[code] = option;
        }
        foreach (var (code, options) in Several)
        {
            values[code] = options;
        }
        if (Relatives.Count > 0)
        {
            values["relativesContacted"] = Relatives;
        }
        return JsonSerializer.Serialize(values);
    }

    /// <summary>
    /// Checks raw answers from the form or the API. Problems are keyed by question code ("relativesContacted.islamist"
    /// for one count); the answer is refused whole when there is any.
    /// </summary>
    public static (SurveyResponse? Response, Dictionary<string, string> Errors) Check(
        IReadOnlyDictionary<string, string?> choices,
        IReadOnlyDictionary<string, IReadOnlyList<string>> several,
        IReadOnlyDictionary<string, string?> relatives,
        string? comments)
    {
        var errors = new Dictionary<string, string>();
        var checkedChoices = new Dictionary<string, string>();
        foreach (var (code, value) in choices)
        {
            var question = SurveyQuestions.Find(code);
            if (question is not { Type: QuestionType.YesNo })
            {
                errors[code] = $"Okänd fråga «{code}».";
            }
            else if (!string.IsNullOrWhiteSpace(value))
            {
                if (question.Options.Contains(value.Trim()))
                {
                    checkedChoices[code] = value.Trim();
                }
                else
                {
                    errors[code] = $"Svara {string.Join(", ", question.Options)}, inte «{value}».";
                }
            }
        }

        var checkedSeveral = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (code, values) in several)
        {
            var question = SurveyQuestions.Find(code);
            var chosen = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
            if (question is not { Type: QuestionType.Several })
            {
                errors[code] = $"Okänd fråga «{code}».";
            }
            else if (chosen.FirstOrDefault(v => !question.Options.Contains(v)) is { } unknown)
            {
                errors[code] = $"Okänt val «{unknown}». Tillåtna: {string.Join(", ", question.Options)}.";
            }
            else if (chosen.Contains("none") && chosen.Count > 1)
            {
                errors[code] = "Välj antingen «Inget av detta» eller det ni har observerat, inte båda.";
            }
            else if (chosen.Count > 0)
            {
                checkedSeveral[code] = question.Options.Where(chosen.Contains).ToList();
            }
        }

        var checkedRelatives = new Dictionary<string, int>();
        foreach (var (environment, value) in relatives)
        {
            var field = $"relativesContacted.{environment}";
            if (!SurveyQuestions.Environments.Contains(environment))
            {
                errors[field] = $"Okänd miljö «{environment}». Tillåtna: {string.Join(", ", SurveyQuestions.Environments)}.";
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            else if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count > MaxCount)
            {
                errors[field] = $"Ange ett antal mellan 0 och {MaxCount}.";
            }
            else
            {
                checkedRelatives[environment] = count;
            }
        }

        var text = string.IsNullOrWhiteSpace(comments) ? null : comments.Trim().ReplaceLineEndings("\n");
        if (text?.Length > MaxComments)
        {
            errors[SurveyQuestions.Comments] = $"Kommentaren är {text.Length} tecken lång; högst {MaxComments} tecken.";
        }
        else if (PersonalDataGuard.Refusal(text, "Kommentaren") is { } refusal)
        {
            errors[SurveyQuestions.Comments] = refusal;
        }
        return errors.Count > 0 ? (null, errors) : (new SurveyResponse(checkedChoices, checkedSeveral, checkedRelatives, text), errors);
    }
}
