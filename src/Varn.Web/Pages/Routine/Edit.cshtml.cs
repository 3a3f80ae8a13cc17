namespace Varn.Web.Pages.Routine;

public class EditModel(VarnDbContext db, TimeProvider clock) : VarnPageModel
{
    public sealed class RoutineInput
    {
        public string? Text { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public RoutineInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var routine = await db.RoutineTexts.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }
        Input = new RoutineInput { Text = routine.Text, Version = routine.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var routine = await db.RoutineTexts.FirstOrDefaultAsync(cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }
        var text = (Input.Text ?? "").ReplaceLineEndings("\n").Trim();
        if (text.Length == 0)
        {
            ModelState.AddModelError("Input.Text", T["Rutinen kan inte vara tom."]);
        }
        else if (text.Length > 50_000)
        {
            ModelState.AddModelError("Input.Text", T["Rutinen får vara högst 50 000 tecken."]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        routine.Text = text;
        routine.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!await db.SaveIfUnchangedAsync(routine, Input.Version, cancellationToken))
        {
            return Conflict(T["Någon annan har sparat rutinen sedan du öppnade den. Din text är inte sparad; ladda om sidan och försök igen."]);
        }
        Flash = T["Rutinen är sparad."];
        return Redirect("/rutin");
    }
}
