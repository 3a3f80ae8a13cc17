using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varn.Core.Plans.Interchange;

namespace Varn.Web.Pages.Plans;

/// <summary>
/// Reads a varn.plan/1 file in two steps: upload and preview (nothing stored), then save. The file travels between
/// the steps inside the form, so there is no half-imported state on the server; it is read and checked again on save.
/// </summary>
public class ImportModel(PlanImporter importer) : VarnPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool Replace { get; set; }

    /// <summary>The uploaded file, base64, carried from preview to save.</summary>
    [BindProperty]
    public string? UploadContent { get; set; }

    public PlanDocument? Preview { get; private set; }
    public IReadOnlyList<FormatError> Errors { get; private set; } = [];

    /// <summary>Only coordinators import plans; which council's plan they may import is checked on the file.</summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!Access.IsCentral && !Access.Has(Role.LocalCoordinator))
        {
            context.Result = Forbidden();
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), T["Välj en fil att läsa in."]);
            return Invalid();
        }
        if (Upload.Length > PlanDocumentReader.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), T["Filen är {0} MB. Största tillåtna storlek är {1} MB.", Upload.Length / 1024 / 1024, PlanDocumentReader.MaxBytes / 1024 / 1024]);
            return Invalid();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (await ReadAsync(bytes, cancellationToken) is { } failed)
        {
            return failed;
        }
        UploadContent = Convert.ToBase64String(bytes);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
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
        if (await ReadAsync(bytes, cancellationToken) is { } failed)
        {
            return failed;
        }
        var outcome = await importer.ImportAsync(Preview!, Replace, Actor, cancellationToken);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            ModelState.AddModelError(nameof(Upload), T["Planen kunde inte läsas in. Inget har sparats."]);
            return Invalid();
        }
        Flash = outcome.Replaced ? T["Planen är inläst och ersatte den tidigare."] : T["Planen är inläst."];
        return Redirect(PlanGuard.PathOf(outcome.Council!.Short, outcome.Plan!.Year));
    }

    private async Task<IActionResult?> ReadAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var (document, errors) = PlanDocumentReader.Read(bytes);
        if (document is not null)
        {
            var (council, problems) = await importer.CheckAsync(document, Replace, cancellationToken);
            errors = council is not null && !Access.CanEditPlans(council.Id)
                ? [new FormatError("$.council.name", T["Du kan bara läsa in planer för nämnder där du är samordnare, inte för {0}.", council.Name])]
                : problems;
        }
        if (document is null || errors.Count > 0)
        {
            Errors = errors;
            ModelState.AddModelError(nameof(Upload), T["Filen kan inte läsas in: {0} fel. Inget har sparats.", errors.Count]);
            return Invalid();
        }
        Preview = document;
        return null;
    }
}
