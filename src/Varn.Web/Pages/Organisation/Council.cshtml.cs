using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Varn.Core.Organisation;

namespace Varn.Web.Pages.Organisation;

/// <summary>Creates or edits a council, and keeps its units.</summary>
public partial class CouncilModel(VarnDbContext db) : VarnPageModel
{
    public sealed class CouncilInput
    {
        public string? Name { get; set; }
        public string? Short { get; set; }
        public string? Kind { get; set; }
        public int? Population { get; set; }
        public string? PoliceArea { get; set; }
    }

    public sealed class UnitInput
    {
        public string? Name { get; set; }
        public string? Department { get; set; }
    }

    public sealed record UnitRow(int Id, string Name, string? Department);

    [BindProperty]
    public CouncilInput Input { get; set; } = new();

    [BindProperty]
    public UnitInput NewUnit { get; set; } = new();

    public Council? Existing { get; private set; }
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public static IEnumerable<SelectListItem> KindItems() =>
        CodeChoices.Of<CouncilKind>(IndexModel.KindLabel);

    public async Task<IActionResult> OnGetAsync(string? council, CancellationToken cancellationToken)
    {
        if (council is not null)
        {
            if (await LoadAsync(council, cancellationToken) is null)
            {
                return NotFound();
            }
            Input = new CouncilInput
            {
                Name = Existing!.Name,
                Short = Existing.Short,
                Kind = Codes.Of(Existing.Kind),
                Population = Existing.Population,
                PoliceArea = Existing.PoliceArea?.Name,
            };
        }
        else
        {
            Input.Kind = Codes.Of(CouncilKind.District);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? council, CancellationToken cancellationToken)
    {
        if (council is not null && await LoadAsync(council, cancellationToken) is null)
        {
            return NotFound();
        }
        var name = Input.Name?.Trim() ?? "";
        var shortName = string.IsNullOrWhiteSpace(Input.Short) ? CouncilNames.ShortFor(name) : Input.Short.Trim();
        if (name.Length == 0)
        {
            ModelState.AddModelError("Input.Name", T["Ange nämndens namn."]);
        }
        else if (name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", T["Namnet får vara högst 200 tecken."]);
        }
        if (!ShortPattern().IsMatch(shortName))
        {
            ModelState.AddModelError("Input.Short", T["Kortnamnet får bara innehålla a–z, siffror och bindestreck, till exempel skarholmen."]);
        }
        else if (await db.Councils.AnyAsync(c => c.Short == shortName && c.Id != (Existing == null ? 0 : Existing.Id), cancellationToken))
        {
            ModelState.AddModelError("Input.Short", T["Kortnamnet «{0}» används redan av en annan nämnd.", shortName]);
        }
        if (!Codes.TryParse<CouncilKind>(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", T["Välj typ av nämnd."]);
        }
        if (Input.Population is < 0 or > 10_000_000)
        {
            ModelState.AddModelError("Input.Population", T["Ange folkmängden som ett tal mellan 0 och 10 000 000."]);
        }
        if (Input.PoliceArea?.Length > 200)
        {
            ModelState.AddModelError("Input.PoliceArea", T["Namnet på lokalpolisområdet får vara högst 200 tecken."]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var target = Existing;
        if (target is null)
        {
            var municipality = await db.Municipalities.FirstAsync(cancellationToken);
            target = new Council { MunicipalityId = municipality.Id, Name = name, Short = shortName };
            db.Councils.Add(target);
        }
        target.Name = name;
        target.Short = shortName;
        target.Kind = kind;
        target.Population = Input.Population;
        target.PoliceArea = await PoliceAreaAsync(Input.PoliceArea, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return FieldConflict("Input.Short", T["Kortnamnet «{0}» togs just av en annan nämnd. Välj ett annat.", shortName]);
        }
        Flash = T["{0} är sparad.", name];
        return Redirect($"/organisation/{shortName}");
    }

    public async Task<IActionResult> OnPostAddUnitAsync(string council, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, cancellationToken) is null)
        {
            return NotFound();
        }
        Input = new CouncilInput { Name = Existing!.Name, Short = Existing.Short, Kind = Codes.Of(Existing.Kind), Population = Existing.Population, PoliceArea = Existing.PoliceArea?.Name };
        var unitName = NewUnit.Name?.Trim() ?? "";
        var departmentName = NewUnit.Department?.Trim();
        if (unitName.Length == 0)
        {
            ModelState.AddModelError("NewUnit.Name", T["Ange enhetens namn."]);
        }
        else if (unitName.Length > 200)
        {
            ModelState.AddModelError("NewUnit.Name", T["Namnet får vara högst 200 tecken."]);
        }
        else if (Units.Any(u => string.Equals(u.Name, unitName, StringComparison.CurrentCultureIgnoreCase)))
        {
            ModelState.AddModelError("NewUnit.Name", T["{0} har redan en enhet som heter «{1}».", Existing.Name, unitName]);
        }
        if (departmentName?.Length > 200)
        {
            ModelState.AddModelError("NewUnit.Department", T["Namnet får vara högst 200 tecken."]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        Department? department = null;
        if (!string.IsNullOrEmpty(departmentName))
        {
            department = await db.Departments.FirstOrDefaultAsync(d => d.CouncilId == Existing.Id && d.Name == departmentName, cancellationToken)
                ?? new Department { CouncilId = Existing.Id, Name = departmentName };
        }
        db.Units.Add(new Unit { CouncilId = Existing.Id, Name = unitName, Department = department });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return FieldConflict("NewUnit.Name", T["Någon annan lade just till enheten «{0}» i {1}.", unitName, Existing.Name]);
        }
        Flash = T["Enheten {0} är tillagd.", unitName];
        return Redirect($"/organisation/{council}#enheter");
    }

    public async Task<IActionResult> OnPostRemoveUnitAsync(string council, int unitId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, cancellationToken) is null)
        {
            return NotFound();
        }
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && u.CouncilId == Existing!.Id, cancellationToken);
        if (unit is null)
        {
            Flash = T["Enheten finns inte längre."];
            return Redirect($"/organisation/{council}#enheter");
        }
        db.Units.Remove(unit);
        await db.SaveChangesAsync(cancellationToken);
        Flash = T["Enheten {0} är borttagen.", unit.Name];
        return Redirect($"/organisation/{council}#enheter");
    }

    private async Task<Council?> LoadAsync(string council, CancellationToken cancellationToken)
    {
        Existing = await db.Councils.Include(c => c.PoliceArea).FirstOrDefaultAsync(c => c.Short == council, cancellationToken);
        if (Existing is not null)
        {
            Units = await db.Units.AsNoTracking().Where(u => u.CouncilId == Existing.Id)
                .OrderBy(u => u.Department == null ? "" : u.Department.Name).ThenBy(u => u.Name)
                .Select(u => new UnitRow(u.Id, u.Name, u.Department == null ? null : u.Department.Name))
                .ToListAsync(cancellationToken);
        }
        return Existing;
    }

    private async Task<PoliceArea?> PoliceAreaAsync(string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        name = name.Trim();
        return await db.PoliceAreas.FirstOrDefaultAsync(p => p.Name == name, cancellationToken) ?? new PoliceArea { Name = name };
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex ShortPattern();
}
