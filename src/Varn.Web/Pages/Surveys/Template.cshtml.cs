using Varn.Core.Surveys;

namespace Varn.Web.Pages.Surveys;

/// <summary>The city's questionnaire for a year (central coordinator): the wording of each fixed question. Rounds already open keep theirs.</summary>
public class TemplateModel(VarnDbContext db, TimeProvider clock) : VarnPageModel
{
    public sealed class TemplateInput
    {
        public Dictionary<string, string?> Labels { get; set; } = [];
        public Dictionary<string, string?> Helps { get; set; } = [];
        public int Version { get; set; }
    }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public int Year { get; private set; }
    public int Revision { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        var template = await LoadAsync(year, cancellationToken);
        var texts = SurveyTexts.Complete(template?.Texts);
        Input = new TemplateInput
        {
            Labels = texts.ToDictionary(t => t.Key, t => (string?)t.Value.Label),
            Helps = texts.ToDictionary(t => t.Key, t => t.Value.Help),
            Version = template?.Version ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? year, CancellationToken cancellationToken)
    {
        var template = await LoadAsync(year, cancellationToken);
        var texts = new Dictionary<string, QuestionText>();
        foreach (var question in SurveyQuestions.All)
        {
            var label = Input.Labels.GetValueOrDefault(question.Code)?.Trim() ?? "";
            var help = Input.Helps.GetValueOrDefault(question.Code)?.Trim();
            // A form posted without some of the fields is shown again with every question, the missing ones empty.
            Input.Labels[question.Code] = label;
            Input.Helps[question.Code] = help;
            if (label.Length is 0 or > 500)
            {
                ModelState.AddModelError($"Input.Labels[{question.Code}]", label.Length == 0 ? T["Ange frågans formulering."] : T["Frågan får vara högst 500 tecken."]);
            }
            if (help?.Length > 1000)
            {
                ModelState.AddModelError($"Input.Helps[{question.Code}]", T["Hjälptexten får vara högst 1000 tecken."]);
            }
            texts[question.Code] = new QuestionText(label, string.IsNullOrEmpty(help) ? null : help);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        if (template is null)
        {
            var municipality = await db.Municipalities.Select(m => m.Id).FirstAsync(cancellationToken);
            template = db.SurveyTemplates.Add(new SurveyTemplate { MunicipalityId = municipality, Year = Year }).Entity;
        }
        template.Texts = texts;
        template.Revision++;
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!await db.SaveIfUnchangedAsync(template, Input.Version, cancellationToken))
        {
            return Conflict(T["Någon annan har sparat mallen sedan du öppnade den. Dina ändringar är inte sparade; ladda om sidan och försök igen."]);
        }
        Flash = T["Enkätmallen för {0} är sparad som version {1}. Enkäter som öppnas från och med nu använder den.", Year, template.Revision];
        return Redirect($"/enkater/mall/{Year}");
    }

    private async Task<SurveyTemplate?> LoadAsync(int? year, CancellationToken cancellationToken)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : clock.Today().Year;
        var template = await db.SurveyTemplates.FirstOrDefaultAsync(t => t.Year == Year, cancellationToken);
        Revision = template?.Revision ?? 0;
        return template;
    }
}
