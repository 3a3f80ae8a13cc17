namespace Varn.Core.Surveys;

public enum QuestionType
{
    /// <summary>Ja / Nej / Vet inte.</summary>
    YesNo,

    /// <summary>Several of a fixed list.</summary>
    Several,

    /// <summary>A count of at least 0 for each environment.</summary>
    CountPerEnvironment,

    /// <summary>Free text, through the personal-data guard.</summary>
    Text,
}

/// <summary>A question of the city's survey: its fixed code (used by the API and the results) and what may be answered.</summary>
public sealed record SurveyQuestion(string Code, QuestionType Type, IReadOnlyList<string> Options);

/// <summary>The wording of a question, editable by the central coordinator for each year's template.</summary>
public sealed record QuestionText(string Label, string? Help);

/// <summary>
/// The city's questionnaire (DESIGN C8): fixed question codes and options, with the Swedish wording of the seeds as the
/// default text. The codes never change; the central coordinator edits labels and help text per year.
/// </summary>
public static class SurveyQuestions
{
    public const string Comments = "comments";

    public static IReadOnlyList<string> YesNo { get; } = ["yes", "no", "dontKnow"];

    public static IReadOnlyList<string> Observations { get; } = ["graffiti", "stickers", "flyers", "demonstration", "expressedViews", "symbols", "threats", "none"];

    public static IReadOnlyList<string> Environments { get; } = ["rightWing", "leftWing", "islamist", "unclear"];

    public static IReadOnlyList<SurveyQuestion> All { get; } =
    [
        new("seenExpressions", QuestionType.YesNo, YesNo),
        new("worksPreventively", QuestionType.YesNo, YesNo),
        new("activelyDetects", QuestionType.YesNo, YesNo),
        new("exitSupport", QuestionType.YesNo, YesNo),
        new("supportsRelatives", QuestionType.YesNo, YesNo),
        new("sufficientKnowledge", QuestionType.YesNo, YesNo),
        new("unlawfulInfluence", QuestionType.YesNo, YesNo),
        new("observed", QuestionType.Several, Observations),
        new("observedEnvironments", QuestionType.Several, Environments),
        new("relativesContacted", QuestionType.CountPerEnvironment, Environments),
        new(Comments, QuestionType.Text, []),
    ];

    public static SurveyQuestion? Find(string code) => All.FirstOrDefault(q => q.Code == code);

    public static IReadOnlyDictionary<string, QuestionText> Defaults { get; } = new Dictionary<string, QuestionText>
    {
        ["seenExpressions"] = new("Har enheten sett några uttryck för våldsbejakande extremism i sin verksamhet det senaste året?", null),
        ["worksPreventively"] = new("Arbetar enheten i dag förebyggande för att motverka våldsbejakande extremism?", null),
        ["activelyDetects"] = new("Arbetar enheten aktivt för att upptäcka våldsbejakande extremism?", null),
        ["exitSupport"] = new("Arbetar enheten med avhopparverksamhet?", "Stöd till personer som vill lämna en våldsbejakande miljö."),
        ["supportsRelatives"] = new("Ger enheten stöd till föräldrar och andra anhöriga i frågor som berör våldsbejakande extremism?", null),
        ["sufficientKnowledge"] = new("Har enheten tillräcklig kunskap om vad våldsbejakande extremism är och hur den kan förebyggas och motverkas?", null),
        ["unlawfulInfluence"] = new("Har medarbetare eller förtroendevalda utsatts för otillåten påverkan det senaste året?", "Till exempel påtryckningar, hot eller trakasserier för att påverka ett beslut."),
        ["observed"] = new("Vad har ni observerat i eller nära verksamheten det senaste året?", "Välj allt som stämmer, eller Inget av detta."),
        ["observedEnvironments"] = new("Vilken eller vilka miljöer kopplar ni det ni har observerat till?", "Hoppa över frågan om ni inte har observerat något."),
        ["relativesContacted"] = new("Hur många anhöriga har kontaktat enheten av oro för en närstående, per miljö?", "Ange antal, 0 om ingen."),
        [Comments] = new("Övriga kommentarer", "Skriv inga namn eller andra uppgifter som kan identifiera en person."),
    };

    public static string OptionLabel(string option) => option switch
    {
        "yes" => "Ja",
        "no" => "Nej",
        "dontKnow" => "Vet inte",
        "graffiti" => "Klotter",
        "stickers" => "Klistermärken",
        "flyers" => "Flygblad eller affischer",
        "demonstration" => "Demonstrationer eller manifestationer",
        "expressedViews" => "Personer som uttrycker våldsbejakande åsikter",
        "symbols" => "Personer som bär symboler",
        "threats" => "Hot och trakasserier",
        "none" => "Inget av detta",
        "rightWing" => "Högerextrem / vit makt",
        "leftWing" => "Vänsterextrem / autonoma",
        "islamist" => "Islamistisk",
        "unclear" => "Oklar / annan",
        _ => option,
    };
}
