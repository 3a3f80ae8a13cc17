using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Varn.Core.Organisation;
using Varn.Core.Plans.Interchange;

namespace Varn.Web.Pages.Plans;

/// <summary>
/// Reads the activity tables of an existing Word plan into a draft: upload and preview what was found and what was not
/// understood (nothing stored), then save. The file travels in the form between the steps and is read again on save.
/// </summary>
public class ImportWordModel(VarnDbContext db, WordPlanImport import, TimeProvider clock) : VarnPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Council { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? UploadContent { get; set; }

    public IReadOnlyList<SelectListItem> Councils { get; private set; } = [];
    public WordReadResult? Result { get; private set; }

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!Access.IsCentral && !Access.Has(Role.LocalCoordinator))
        {
            context.Result = Forbidden();
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadCouncilsAsync(cancellationToken);
        Year = clock.Today().Year + 1;
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await LoadCouncilsAsync(cancellationToken);
        var council = await CheckTargetAsync(cancellationToken);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), T["Välj en Word-fil att läsa in."]);
        }
        else if (Upload.Length > WordPlanReader.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), T["Filen är {0} MB. Största tillåtna storlek är {1} MB.", Upload.Length / 1024 / 1024, WordPlanReader.MaxBytes / 1024 / 1024]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, cancellationToken);
        return Read(buffer.ToArray(), council) ?? Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        await LoadCouncilsAsync(cancellationToken);
        var council = await CheckTargetAsync(cancellationToken);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(UploadContent ?? "");
        }
        catch (FormatException)
        {
            ModelState.AddModelError(nameof(Upload), T["Filen kom inte med. Välj filen igen."]);
            return Invalid();
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        if (Read(bytes, council) is { } failed)
        {
            return failed;
        }
        var (plan, error) = await import.SaveAsync(council!, Year!.Value, Result!.Activities, Actor, cancellationToken);
        if (plan is null)
        {
            ModelState.AddModelError(nameof(Council), error!);
            return Invalid();
        }
        Flash = T["{0} aktiviteter är inlästa i utkastet.", Result.Activities.Count];
        return Redirect(PlanGuard.PathOf(council!.Short, plan.Year));
    }

    private IActionResult? Read(byte[] bytes, Council? council)
    {
        Result = WordPlanReader.Read(bytes);
        if (Result.Error is { } error)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return Invalid();
        }
        if (council is null)
        {
            return Invalid();
        }
        UploadContent = Convert.ToBase64String(bytes);
        return null;
    }

    private async Task<Council?> CheckTargetAsync(CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == Council, cancellationToken);
        if (council is null || !Access.CanEditPlans(council.Id))
        {
            ModelState.AddModelError(nameof(Council), T["Välj nämnd."]);
            return null;
        }
        var thisYear = clock.Today().Year;
        if (Year is null || Year < 2000 || Year > thisYear + 5)
        {
            ModelState.AddModelError(nameof(Year), T["Ange ett år mellan 2000 och {0}.", thisYear + 5]);
            return null;
        }
        if (await import.CheckAsync(council, Year.Value, cancellationToken) is { } problem)
        {
            ModelState.AddModelError(nameof(Year), problem);
            return null;
        }
        return council;
    }

    private async Task LoadCouncilsAsync(CancellationToken cancellationToken)
    {
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        Councils = councils.Where(c => Access.CanEditPlans(c.Id)).Select(c => new SelectListItem(c.Name, c.Short)).ToList();
    }
}
