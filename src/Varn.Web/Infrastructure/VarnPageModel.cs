using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Varn.Web.Infrastructure;

/// <summary>The habits every Värn page shares.</summary>
public abstract class VarnPageModel : PageModel
{
    /// <summary>An invalid POST re-renders the form with its errors and status 400.</summary>
    protected PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A POST that conflicts with the stored state (someone else's change, a read-only plan): 409 with the form.</summary>
    protected PageResult Conflict(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>A value that someone else saved first (a unique index held): 409 with the form and the message on its field.</summary>
    protected PageResult FieldConflict(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>A register's problems, keyed by the API's field names, on the form's fields: "frequency" → "Input.Frequency"; "version" in the summary.</summary>
    protected void AddErrors(string prefix, IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key == "version" ? "" : FieldOf(prefix, key), T[message]);
        }
    }

    /// <summary>The form field of an API field name under <paramref name="prefix"/>: ("Input", "premisesWhen") → "Input.PremisesWhen".</summary>
    public static string FieldOf(string prefix, string key) => $"{prefix}.{char.ToUpperInvariant(key[0])}{key[1..]}";

    /// <summary>What the person behind this request may see and do.</summary>
    protected Access Access => HttpContext.RequestServices.GetRequiredService<Access>();

    /// <summary>The name recorded for who made a change.</summary>
    protected string Actor => Access.IsSignedIn ? Access.DisplayName : "anonym";

    /// <summary>The person may see this but not change it: 403 with the error page.</summary>
    protected StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>A plan the guard refused: 404, 403, or 409 with the form and the reason (the page has loaded the plan).</summary>
    protected IActionResult Refuse(PlanRefusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => NotFound(),
        RefusalKind.Forbidden => Forbidden(),
        _ => Conflict(refusal.Message),
    };

    /// <summary>
    /// Messages in the reader's language, asked for by their Swedish wording as the pages ask for theirs
    /// (<c>T["Aktiviteten är sparad."]</c>, <c>T["Rad {0}: {1}", row, problem]</c>).
    /// </summary>
    protected IStringLocalizer<SharedResource> T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>A one-time message shown on the next page, after a redirect.</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }
}
