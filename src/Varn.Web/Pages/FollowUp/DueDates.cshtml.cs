using Microsoft.AspNetCore.Authorization;
using Varn.Core.FollowUp;
using Varn.Web.Startup;

namespace Varn.Web.Pages.FollowUp;

/// <summary>The central coordinator sets, per year, the dates by which the councils submit each follow-up round.</summary>
[Authorize(Policy = Policies.CentralCoordinator)]
public class DueDatesModel(VarnDbContext db, FollowUpRounds rounds, TimeProvider clock) : VarnPageModel
{
    public sealed class DatesForm
    {
        public string? T1 { get; set; }
        public string? T2 { get; set; }
        public string? Year { get; set; }

        /// <summary>By when the year's plans are to be approved by the city executive board (optional).</summary>
        public string? Approved { get; set; }
    }

    [BindProperty]
    public DatesForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int ShownYear => Year is >= 2000 and <= 2100 ? Year.Value : clock.Today().Year;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new DatesForm
        {
            T1 = (await rounds.DueAsync(ShownYear, RoundKind.T1, cancellationToken)).ToString("yyyy-MM-dd"),
            T2 = (await rounds.DueAsync(ShownYear, RoundKind.T2, cancellationToken)).ToString("yyyy-MM-dd"),
            Year = (await rounds.DueAsync(ShownYear, RoundKind.Year, cancellationToken)).ToString("yyyy-MM-dd"),
            Approved = (await db.PlanApprovalDeadlines.AsNoTracking().FirstOrDefaultAsync(d => d.Year == ShownYear, cancellationToken))?.ApproveBy.ToString("yyyy-MM-dd"),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var dates = new Dictionary<RoundKind, DateOnly>();
        foreach (var (kind, text) in new[] { (RoundKind.T1, Input.T1), (RoundKind.T2, Input.T2), (RoundKind.Year, Input.Year) })
        {
            var field = kind == RoundKind.Year ? "year" : kind.Code().ToLowerInvariant();
            if (Fields.Date(text, field, errors, required: true) is { } date)
            {
                if (date < kind.Cutoff(ShownYear))
                {
                    errors[field] = T["Omgången kan inte lämnas in före sitt brytdatum {0:yyyy-MM-dd}.", kind.Cutoff(ShownYear)];
                }
                else
                {
                    dates[kind] = date;
                }
            }
        }
        var approveBy = Fields.Date(Input.Approved, "approved", errors, required: false);
        if (errors.Count > 0)
        {
            AddErrors(nameof(Input), errors);
            return Invalid();
        }
        var deadline = await db.PlanApprovalDeadlines.FirstOrDefaultAsync(d => d.Year == ShownYear, cancellationToken);
        if (approveBy is { } approveDate)
        {
            if (deadline is null)
            {
                db.PlanApprovalDeadlines.Add(new PlanApprovalDeadline { Year = ShownYear, ApproveBy = approveDate });
            }
            else
            {
                deadline.ApproveBy = approveDate;
            }
        }
        else if (deadline is not null)
        {
            db.PlanApprovalDeadlines.Remove(deadline);
        }
        await rounds.SetDueDatesAsync(ShownYear, dates, cancellationToken);
        Flash = T["Datumen för {0} är sparade.", ShownYear];
        return Redirect($"/uppfoljning/datum?year={ShownYear}");
    }
}
