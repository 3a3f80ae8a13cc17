using Varn.Core.Grants;

namespace Varn.Web.Pages.Grants;

/// <summary>Registering an application for a grant or premises, with the democracy checklist as far as it is known.</summary>
public class NewModel(VarnDbContext db, GrantRegister register, TimeProvider clock) : VarnPageModel
{
    public sealed class NewInput
    {
        public string? Kind { get; set; } = "grant";
        public int? Year { get; set; }
        public string? AssociationName { get; set; }
        public string? OrganisationNumber { get; set; }
        public string? Amount { get; set; }
        public string? Premises { get; set; }
        public string? PremisesWhen { get; set; }
        public Checklist Checklist { get; set; } = new();
    }

    [BindProperty]
    public NewInput Input { get; set; } = new();

    [FromQuery(Name = "council")]
    public string? Council { get; set; }

    public Varn.Core.Organisation.Council? Target { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        Input.Year = clock.Today().Year;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Input.Year is null)
        {
            ModelState.AddModelError("Input.Year", T["Ange året ansökan gäller."]);
            return Invalid();
        }
        var (application, errors) = await register.CreateAsync(Target!, Input.Year.Value,
            new GrantInput(Input.Kind, Input.AssociationName, Input.OrganisationNumber, Input.Amount, Input.Premises, Input.PremisesWhen, Input.Checklist.ToInput()), cancellationToken: cancellationToken);
        if (application is null)
        {
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(Checklist.FieldOf(key), message);
            }
            return Invalid();
        }
        Flash = T["Ansökan från {0} är registrerad.", Input.AssociationName!.Trim()];
        return Redirect($"/bidrag/{application.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        Target = Council is null ? councils.FirstOrDefault(c => Access.CanCoordinate(c.Id)) ?? councils.FirstOrDefault() : councils.FirstOrDefault(c => c.Short == Council);
        if (Target is null)
        {
            return NotFound();
        }
        return Access.CanCoordinate(Target.Id) ? null : Forbidden();
    }
}
