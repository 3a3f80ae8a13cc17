using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Interchange;
using Varn.Core.Plans;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans;

public class EditSectionModel(VarnDbContext db) : VarnPageModel
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
    public string? SavedText { get; private set; }
    public string PlanPath => PlanQueries.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        var section = await LoadAsync(council, year, key, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }
        if (!Access.CanEditPlans(Plan.CouncilId))
        {
            return Forbidden();
        }
        Input = new SectionInput { Text = section.Text, Version = section.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        var section = await LoadAsync(council, year, key, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }
        if (!Access.CanEditPlans(Plan.CouncilId))
        {
            return Forbidden();
        }
        if (!Plan.Stage.ContentIsEditable())
        {
            return Conflict($"Planen är låst i steget «{Plan.Stage.Label()}». Texten sparades inte.");
        }
        var text = (Input.Text ?? "").ReplaceLineEndings("\n").Trim();
        if (text.Length > PlanDocumentReader.MaxSectionLength)
        {
            ModelState.AddModelError("Input.Text", $"Texten är {text.Length} tecken lång; högst {PlanDocumentReader.MaxSectionLength} tecken.");
            return Invalid();
        }

        db.Entry(section).Property(s => s.Version).OriginalValue = Input.Version;
        section.Text = text;
        section.Version = Input.Version + 1;
        Plan.UpdatedAt = DateTime.UtcNow;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            SavedText = await db.PlanSections.Where(s => s.Id == section.Id).Select(s => s.Text).FirstAsync(cancellationToken);
            ModelState.Remove("Input.Version");
            Input.Version = await db.PlanSections.Where(s => s.Id == section.Id).Select(s => s.Version).FirstAsync(cancellationToken);
            return Conflict("Någon annan har sparat texten sedan du öppnade den. Din text är inte sparad. Jämför med den sparade texten nedan och spara igen om din ska gälla.");
        }
        Flash = $"Texten i «{Key.Title()}» är sparad.";
        return Redirect($"{PlanPath}#avsnitt-{Codes.Of(Key)}");
    }

    private async Task<PlanSection?> LoadAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null || !Codes.TryParse<SectionKey>(key, out var sectionKey))
        {
            return null;
        }
        Plan = plan;
        Key = sectionKey;
        var section = await db.PlanSections.FirstOrDefaultAsync(s => s.PlanId == plan.Id && s.Key == sectionKey, cancellationToken);
        if (section is null)
        {
            section = new PlanSection { PlanId = plan.Id, Key = sectionKey };
            db.PlanSections.Add(section);
        }
        return section;
    }
}
