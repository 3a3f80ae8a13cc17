using Microsoft.AspNetCore.Mvc.RazorPages;
using Varn.Core.Surveys;

namespace Varn.Web.Pages.Surveys;

/// <summary>
/// Answering the survey by a single-use link, without an account: the questions, a summary to check, then the answer is
/// stored unlinkably. Free text passes the personal-data guard; a refusal keeps everything typed in the form.
/// </summary>
public class AnswerModel(SurveyAnswering answering) : VarnPageModel
{
    public sealed class AnswerInput
    {
        public Dictionary<string, string?> Choices { get; set; } = [];
        public Dictionary<string, List<string>> Several { get; set; } = [];
        public Dictionary<string, string?> Relatives { get; set; } = [];
        public string? Comments { get; set; }
    }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public SurveyInvitation? Invitation { get; private set; }
    public LinkState State { get; private set; }
    public IReadOnlyDictionary<string, QuestionText> Texts { get; private set; } = new Dictionary<string, QuestionText>();

    /// <summary>The answers are checked and shown back for a last look before they are sent.</summary>
    public bool Reviewing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) => await LoadAsync(token, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostReviewAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Check() is null)
        {
            return Invalid();
        }
        Reviewing = true;
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string token, CancellationToken cancellationToken) => await LoadAsync(token, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Check() is not { } response)
        {
            return Invalid();
        }
        var stored = await answering.AnswerAsync(token, response, cancellationToken: cancellationToken);
        if (stored != LinkState.Open)
        {
            return Refused(stored);
        }
        return Redirect("/enkat/tack");
    }

    private SurveyResponse? Check()
    {
        var (response, errors) = SurveyResponse.Check(Input.Choices, Input.Several.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value), Input.Relatives, Input.Comments);
        foreach (var (code, message) in errors)
        {
            ModelState.AddModelError(FieldOf(code), message);
        }
        return response;
    }

    /// <summary>The form field a problem belongs to: "relativesContacted.islamist" → "Input.Relatives[islamist]".</summary>
    public static string FieldOf(string code) => code switch
    {
        SurveyQuestions.Comments => "Input.Comments",
        _ when code.StartsWith("relativesContacted.", StringComparison.Ordinal) => $"Input.Relatives[{code["relativesContacted.".Length..]}]",
        _ when SurveyQuestions.Find(code)?.Type == QuestionType.Several => $"Input.Several[{code}]",
        _ => $"Input.Choices[{code}]",
    };

    private async Task<IActionResult?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        (State, Invitation) = await answering.FindAsync(token, cancellationToken);
        if (State != LinkState.Open)
        {
            return Refused(State);
        }
        Texts = SurveyTexts.Complete(Invitation!.Round!.Texts);
        return null;
    }

    /// <summary>The page's own explanation, with 404 for a link that never existed and 410 for one used or closed (the page itself, not the generic error page).</summary>
    private PageResult Refused(LinkState state)
    {
        State = state;
        Response.StatusCode = state == LinkState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }
}
