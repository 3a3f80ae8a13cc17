using Varn.Core.Plans.Interchange;

namespace Varn.Web.Pages.Plans.Template;

public class EditModel(VarnDbContext db, TimeProvider clock) : VarnPageModel
{
    public sealed class TemplateInput
    {
        public string? Text { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public SectionKey Key { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var section = await LoadAsync(key, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }
        Input = new TemplateInput { Text = section.Text, Version = section.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        var section = await LoadAsync(key, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }
        var text = (Input.Text ?? "").ReplaceLineEndings("\n").Trim();
        if (text.Length > PlanDocumentReader.MaxSectionLength)
        {
            ModelState.AddModelError("Input.Text", T["Texten är {0} tecken lång; högst {1} tecken.", text.Length, PlanDocumentReader.MaxSectionLength]);
            return Invalid();
        }
        section.Text = text;
        section.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!await db.SaveIfUnchangedAsync(section, Input.Version, cancellationToken))
        {
            return Conflict(T["Någon annan har sparat malltexten sedan du öppnade den. Din text är inte sparad; ladda om sidan och försök igen."]);
        }
        Flash = T["Malltexten för «{0}» är sparad.", T[Key.Title()]];
        return Redirect("/mall");
    }

    private async Task<TemplateSection?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (!Codes.TryParse<SectionKey>(key, out var sectionKey))
        {
            return null;
        }
        Key = sectionKey;
        return await db.TemplateSections.FirstOrDefaultAsync(t => t.Key == sectionKey, cancellationToken);
    }
}
