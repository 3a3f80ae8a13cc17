using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varn.Core.Data;
using Varn.Core.Plans;
using Varn.Web.Accounts;
using Varn.Web.Pages.Plans;

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

    /// <summary>What the person behind this request may see and do.</summary>
    protected Access Access => HttpContext.RequestServices.GetRequiredService<Access>();

    /// <summary>The name recorded for who made a change.</summary>
    protected string Actor => Access.IsSignedIn ? Access.DisplayName : "anonym";

    /// <summary>The person may see this but not change it: 403 with the error page.</summary>
    protected StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>
    /// The plan a page is about to change: not found (404) when the person may not see it, forbidden (403) when they
    /// may see it but not edit it. Returns the plan, or the answer to give instead.
    /// </summary>
    protected async Task<(ActionPlan? Plan, IActionResult? Refusal)> PlanToEditAsync(VarnDbContext db, string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null)
        {
            return (null, NotFound());
        }
        return Access.CanEditPlans(plan.CouncilId) ? (plan, null) : (null, Forbidden());
    }

    /// <summary>A one-time message shown on the next page, after a redirect.</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }
}
