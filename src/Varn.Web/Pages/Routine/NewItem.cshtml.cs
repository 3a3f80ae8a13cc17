using Varn.Core.Routine;

namespace Varn.Web.Pages.Routine;

/// <summary>A link or a document (PDF, Word, Excel; at most 10 MB) for the knowledge bank.</summary>
public class NewItemModel(VarnDbContext db, TimeProvider clock) : VarnPageModel
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public sealed class ItemInput
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Url { get; set; }
    }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var title = Input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            ModelState.AddModelError("Input.Title", T["Ange en titel på högst 200 tecken."]);
        }
        if (Input.Description?.Length > 1000)
        {
            ModelState.AddModelError("Input.Description", T["Beskrivningen får vara högst 1000 tecken."]);
        }
        var hasUrl = !string.IsNullOrWhiteSpace(Input.Url);
        var hasFile = Upload is { Length: > 0 };
        if (hasUrl == hasFile)
        {
            ModelState.AddModelError("Input.Url", T["Ange antingen en länk eller en fil."]);
        }
        if (hasUrl && (!Uri.TryCreate(Input.Url!.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || Input.Url.Length > 1000))
        {
            ModelState.AddModelError("Input.Url", T["Ange en fullständig webbadress som börjar med https://."]);
        }
        var extension = hasFile ? Path.GetExtension(Upload!.FileName) : "";
        if (hasFile && !Allowed.ContainsKey(extension))
        {
            ModelState.AddModelError("Upload", T["Filen ska vara PDF, Word (.docx) eller Excel (.xlsx)."]);
        }
        if (hasFile && Upload!.Length > MaxBytes)
        {
            ModelState.AddModelError("Upload", T["Filen får vara högst 10 MB."]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var municipality = await db.Municipalities.Select(m => m.Id).FirstAsync(cancellationToken);
        var item = new KnowledgeItem
        {
            MunicipalityId = municipality,
            Title = title,
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            Url = hasUrl ? Input.Url!.Trim() : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (hasFile)
        {
            using var buffer = new MemoryStream();
            await Upload!.CopyToAsync(buffer, cancellationToken);
            item.Content = buffer.ToArray();
            item.FileName = Path.GetFileName(Upload.FileName);
            item.ContentType = Allowed[extension];
        }
        db.KnowledgeItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        Flash = T["«{0}» är tillagd i kunskapsbanken.", title];
        return Redirect("/rutin#kunskapsbank");
    }
}
