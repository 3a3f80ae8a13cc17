using Varn.Core.FollowUp;
using Varn.Core.Statistics;

namespace Varn.Web.Pages.FollowUp;

/// <summary>A plan's indicators (C17): the computed five and the council's own, with values per period.</summary>
public class IndicatorsModel(PlanGuard plans, PlanIndicators indicators) : VarnPageModel
{
    public ActionPlan Plan { get; private set; } = null!;
    public IReadOnlyList<IndicatorRow> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public int Threshold => indicators.Threshold;
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public static string KindLabel(IndicatorKind kind) => kind == IndicatorKind.Output ? "Prestation (output)" : "Resultat (outcome)";

    public static string Key(IndicatorRow row) => row.Computation is { } computation ? Codes.Of(computation) : row.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        Plan = plan!;
        CanEdit = Access.CanEditPlans(Plan.CouncilId);
        Rows = await indicators.ListAsync(Plan, Access.CanCoordinate(Plan.CouncilId) ? Viewer.Coordinator : Viewer.Public, cancellationToken);
        return Page();
    }
}
