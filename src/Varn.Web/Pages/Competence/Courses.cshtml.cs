using Varn.Core.Competence;

namespace Varn.Web.Pages.Competence;

/// <summary>The city's list of courses (central coordinator): the mandatory basic course, the advanced courses, others.</summary>
public class CoursesModel(VarnDbContext db) : VarnPageModel
{
    public sealed class CourseForm
    {
        public string? Name { get; set; }
        public bool Mandatory { get; set; }
    }

    [BindProperty]
    public CourseForm Input { get; set; } = new();

    public IReadOnlyList<Course> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Courses = await db.Courses.AsNoTracking().OrderByDescending(c => c.Mandatory).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        return Access.IsCentral ? Page() : Forbidden();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await OnGetAsync(cancellationToken) is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            return Forbidden();
        }
        var errors = new Dictionary<string, string>();
        var name = Fields.Guarded(Input.Name, "Input.Name", 200, errors);
        if (name is null && errors.Count == 0)
        {
            errors["Input.Name"] = T["Ange kursens namn."];
        }
        if (name is not null && Courses.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors["Input.Name"] = T["Kursen «{0}» finns redan.", name];
        }
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors)
            {
                ModelState.AddModelError(key, message);
            }
            return Invalid();
        }
        db.Courses.Add(new Course { Name = name!, Mandatory = Input.Mandatory });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return FieldConflict("Input.Name", T["Kursen «{0}» finns redan.", name!]);
        }
        Flash = T["Kursen «{0}» är tillagd.", name!];
        return Redirect("/kompetens/kurser");
    }
}
