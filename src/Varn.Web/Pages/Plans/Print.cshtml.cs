using Microsoft.AspNetCore.Mvc;
using Varn.Core.Data;
using Varn.Web.Documents;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Plans;

/// <summary>The plan as a page styled for printing (and "Save as PDF" in the browser), with the same content as the Word file.</summary>
public class PrintModel(VarnDbContext db) : VarnPageModel
{
    public PlanForDocument Source { get; private set; } = null!;
    public string PlanPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var plan = await db.FindPlanAsync(Access, council, year, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }
        Source = (await PlanForDocument.LoadAsync(db, plan.Id, cancellationToken))!;
        PlanPath = PlanQueries.PathOf(council, year);
        return Page();
    }
}
