using Varn.Core.FollowUp;
using Varn.Core.Rendering;
using Varn.Core.Statistics;

namespace Varn.Web.Pages.FollowUp;

/// <summary>Adds or changes an indicator: all of a typed one, baseline, target and comment of a computed one.</summary>
public class IndicatorModel(PlanGuard plans, PlanIndicators indicators) : VarnPageModel
{
    public const string NewKey = "ny";

    public sealed class IndicatorForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Unit { get; set; }
        public string? Baseline { get; set; }
        public string? Target { get; set; }
        public string? T1 { get; set; }
        public string? T2 { get; set; }
        public string? Year { get; set; }
        public string? Source { get; set; }
        public string? Comment { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    public ActionPlan Plan { get; private set; } = null!;
    public string Key { get; private set; } = NewKey;
    public IndicatorRow? Existing { get; private set; }
    public bool IsComputed => Existing?.Computation is not null;
    public string PlanPath => PlanGuard.PathOf(Plan.Council!.Short, Plan.Year);

    public async Task<IActionResult> OnGetAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, key, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Existing is { } row)
        {
            static string? Text(decimal? value) => value is null ? null : Figures.Value(value);
            Input = new IndicatorForm
            {
                Name = row.Name, Kind = Codes.Of(row.Kind), Unit = row.Unit, Baseline = Text(row.Baseline), Target = Text(row.Target),
                T1 = Text(row.Values[RoundKind.T1].Value), T2 = Text(row.Values[RoundKind.T2].Value), Year = Text(row.Values[RoundKind.Year].Value),
                Source = row.Source, Comment = row.Comment, Version = row.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, key, cancellationToken) is { } refused)
        {
            return refused;
        }
        var input = new IndicatorInput(Input.Name, Input.Kind, Input.Unit, Input.Baseline, Input.Target, Input.T1, Input.T2, Input.Year, Input.Source, Input.Comment);
        var errors = Key == NewKey
            ? (await indicators.AddAsync(Plan, input, cancellationToken)).Errors
            : await indicators.UpdateAsync(Plan, Key, input, Input.Version, cancellationToken);
        if (errors.Count > 0)
        {
            AddErrors(nameof(Input), errors);
            return errors.ContainsKey("version") ? Conflict(errors["version"]) : Invalid();
        }
        Flash = T["Indikatorn är sparad."];
        return Redirect($"{PlanPath}/indikatorer");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, key, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Existing?.Id is not { } id || IsComputed || !await indicators.RemoveAsync(Plan, id, cancellationToken))
        {
            return Conflict(T["Det finns ingen egen indikator här att ta bort; de beräknade indikatorerna finns alltid."]);
        }
        Flash = T["Indikatorn är borttagen."];
        return Redirect($"{PlanPath}/indikatorer");
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, string key, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await plans.FindAsync(council, year, PlanPurpose.Manage, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }
        Plan = plan!;
        Key = key;
        if (key != NewKey)
        {
            var rows = await indicators.ListAsync(Plan, Viewer.Coordinator, cancellationToken);
            Existing = rows.FirstOrDefault(r => IndicatorsModel.Key(r) == key);
            if (Existing is null)
            {
                return NotFound();
            }
        }
        return null;
    }
}
