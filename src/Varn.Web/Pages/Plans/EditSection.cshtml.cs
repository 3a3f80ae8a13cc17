using Varn.Core.Plans.Interchange;

namespace Varn.Web.Pages.Plans;

public class EditSectionModel(VarnDbContext db, PlanGuard plans) : VarnPageModel
{
    public sealed class SectionInput
    {
        public string? Text { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public SectionInput Input { get; set; } = new();

    public ActionPlan Plan { get; private set; } = null!;
    public SectionKey Key { get; private set; }
    public PlanSection Section { get; private set; } = null!;
    public string? SavedText { get; private set; }
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, key, PlanPurpose.Manage, cancellationToken) is { } refused)
        {
            return refused;
        }
        Input = new SectionInput { Text = Section.Text, Version = Section.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, key, PlanPurpose.ChangeContent, cancellationToken) is { } refused)
        {
            return refused;
        }
        var section = Section;
        var text = (Input.Text ?? "").ReplaceLineEndings("\n").Trim();
        if (text.Length > PlanDocumentReader.MaxSectionLength)
        {
            ModelState.AddModelError("Input.Text", T["Texten är {0} tecken lång; högst {1} tecken.", text.Length, PlanDocumentReader.MaxSectionLength]);
            return Invalid();
        }

        section.Text = text;
        plans.MarkChanged(Plan);
        if (!await db.SaveIfUnchangedAsync(section, Input.Version, cancellationToken))
        {
            SavedText = await db.PlanSections.Where(s => s.Id == section.Id).Select(s => s.Text).FirstAsync(cancellationToken);
            ModelState.Remove("Input.Version");
            Input.Version = await db.PlanSections.Where(s => s.Id == section.Id).Select(s => s.Version).FirstAsync(cancellationToken);
            return Conflict(T["Någon annan har sparat texten sedan du öppnade den. Din text är inte sparad. Jämför med den sparade texten nedan och spara igen om din ska gälla."]);
        }
        Flash = T["Texten i «{0}» är sparad.", T[Key.Title()]];
        return Redirect($"{PlanPath}#avsnitt-{Codes.Of(Key)}");
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, string key, PlanPurpose purpose, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, purpose, cancellationToken);
        if (plan is null || !Codes.TryParse<SectionKey>(key, out var sectionKey))
        {
            return NotFound();
        }
        Plan = plan;
        Key = sectionKey;
        Section = await db.PlanSections.FirstOrDefaultAsync(s => s.PlanId == plan.Id && s.Key == sectionKey, cancellationToken)
            ?? db.PlanSections.Add(new PlanSection { PlanId = plan.Id, Key = sectionKey }).Entity;
        return refusal is null ? null : Refuse(refusal);
    }
}
