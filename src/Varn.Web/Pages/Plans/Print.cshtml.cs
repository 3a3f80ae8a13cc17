using Varn.Core.Plans.Interchange;

namespace Varn.Web.Pages.Plans;

/// <summary>The plan as a page styled for printing (and "Save as PDF" in the browser), with the same content as the Word file.</summary>
public class PrintModel(VarnDbContext db, PlanGuard plans) : VarnPageModel
{
    public PlanForDocument Source { get; private set; } = null!;
    public string PlanPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        Source = (await PlanForDocument.LoadAsync(db, plan!.Id, cancellationToken))!;
        PlanPath = PlanGuard.PathOf(council, year);
        return Page();
    }
}
