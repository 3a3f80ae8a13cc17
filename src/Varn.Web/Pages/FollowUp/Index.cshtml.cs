using Varn.Core.FollowUp;

namespace Varn.Web.Pages.FollowUp;

/// <summary>A plan's follow-up rounds: which are open or submitted, their cut-off and due dates, and opening the next.</summary>
public class IndexModel(PlanGuard plans, FollowUpRounds rounds) : VarnPageModel
{
    public sealed record RoundRow(RoundKind Kind, DateOnly Cutoff, DateOnly Due, FollowUpRound? Round);

    public ActionPlan Plan { get; private set; } = null!;
    public IReadOnlyList<RoundRow> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken) =>
        await LoadAsync(council, year, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(string council, int year, string? round, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!CanManage)
        {
            return Forbidden();
        }
        if (!RoundKinds.TryParse(round, out var kind))
        {
            ModelState.AddModelError("round", T["Välj en omgång: T1, T2 eller årsuppföljning."]);
            return Invalid();
        }
        var (opened, refusal, _) = await rounds.OpenAsync(Plan, kind, Actor, cancellationToken);
        if (opened is null)
        {
            return Conflict(refusal!);
        }
        Flash = T["{0} är öppnad. De ansvariga kan nu fylla i status och kommentar.", T[kind.Label()]];
        return Redirect($"{PlanPath}/uppfoljning/{kind.Code()}");
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        if (!rounds.MaySee(plan!))
        {
            return NotFound();
        }
        Plan = plan!;
        CanManage = rounds.MayManage(Plan) && Plan.Stage.StatusIsEditable();
        var stored = await rounds.ListAsync(Plan, cancellationToken);
        var rows = new List<RoundRow>();
        foreach (var kind in Enum.GetValues<RoundKind>())
        {
            rows.Add(new RoundRow(kind, kind.Cutoff(Plan.Year), await rounds.DueAsync(Plan.Year, kind, cancellationToken), stored.FirstOrDefault(r => r.Kind == kind)));
        }
        Rows = rows;
        return null;
    }
}
