using Varn.Core.Organisation;

namespace Varn.Core.Competence;

/// <summary>A row as typed, imported from the learning portal's CSV or sent to the API: unit, course, staff, completed.</summary>
public sealed record CompletionInput(string? Unit, string? Course, string? Staff, string? Completed);

/// <summary>A completion rate: completed of staff, and the share in whole percent (null when there are no staff).</summary>
public sealed record Rate(string Name, int Staff, int Completed)
{
    public int? Percent => Staff == 0 ? null : (int)Math.Round(100.0 * Completed / Staff, MidpointRounding.AwayFromZero);
}

/// <summary>A council's competence figures for a year: rows, the rates per unit, department and for the council (of the mandatory course), and per course.</summary>
public sealed record CompetenceYear(IReadOnlyList<Completion> Rows, IReadOnlyList<Rate> Units, IReadOnlyList<Rate> Departments, Rate Council, IReadOnlyList<Rate> Courses);

/// <summary>
/// Training completion (C14): aggregates per unit, course and year — staff and completed, never who. A year's rows are
/// replaced all or nothing; every refused row is named by its number and field.
/// </summary>
public sealed class CompetenceRegister(VarnDbContext db)
{
    public const int MaxStaff = 100_000;

    public async Task<CompetenceYear> LoadAsync(Council council, int year, CancellationToken cancellationToken = default)
    {
        var rows = await db.Completions.AsNoTracking().Include(c => c.Unit).ThenInclude(u => u!.Department).Include(c => c.Course)
            .Where(c => c.Unit!.CouncilId == council.Id && c.Year == year)
            .OrderBy(c => c.Unit!.Name).ThenBy(c => c.Course!.Name).ToListAsync(cancellationToken);
        // A unit's staff are counted once per course: the rates of units, departments and the council are those of the
        // mandatory course(s), which everyone is to complete; the other courses have their own row in the course table.
        var mandatory = rows.Where(r => r.Course!.Mandatory).ToList();
        var basis = mandatory.Count > 0 ? mandatory : rows;
        return new CompetenceYear(
            rows,
            Rates(basis, r => r.Unit!.Name),
            Rates(basis.Where(r => r.Unit!.Department is not null), r => r.Unit!.Department!.Name),
            new Rate(council.Name, basis.Sum(r => r.Staff), basis.Sum(r => r.Completed)),
            Rates(rows, r => r.Course!.Name));
    }

    /// <summary>
    /// Checks every row against the council's units and the city's courses (and, for a unit manager, against their
    /// <paramref name="onlyUnits"/>) without saving. Problems are keyed "rows[2].completed".
    /// </summary>
    public async Task<(List<Completion> Rows, Dictionary<string, string> Errors)> CheckAsync(Council council, int year, IReadOnlyList<CompletionInput> input, IReadOnlyCollection<int>? onlyUnits = null, bool synthetic = false, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var units = await db.Units.Where(u => u.CouncilId == council.Id).ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var courses = await db.Courses.ToDictionaryAsync(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var rows = new List<Completion>();
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < input.Count; i++)
        {
            var row = input[i];
            var field = $"rows[{i}].";
            var unitName = row.Unit?.Trim() ?? "";
            var courseName = row.Course?.Trim() ?? "";
            var unitKnown = units.TryGetValue(unitName, out var unitId);
            if (!unitKnown)
            {
                errors[field + "unit"] = unitName.Length == 0 ? "Ange enheten." : $"{council.Name} har ingen enhet som heter «{unitName}».";
            }
            else if (onlyUnits is not null && !onlyUnits.Contains(unitId))
            {
                errors[field + "unit"] = $"Du kan bara ange siffror för din egen enhet, inte «{unitName}».";
            }
            if (!courses.TryGetValue(courseName, out var courseId))
            {
                errors[field + "course"] = courseName.Length == 0 ? "Ange kursen." : $"Det finns ingen kurs som heter «{courseName}» i stadens kurslista.";
            }
            var staff = Fields.WholeNumber(row.Staff, field + "staff", errors, MaxStaff, "24");
            var completed = Fields.WholeNumber(row.Completed, field + "completed", errors, MaxStaff, "18");
            if (staff is null && !errors.ContainsKey(field + "staff"))
            {
                errors[field + "staff"] = "Ange antal anställda.";
            }
            if (completed is null && !errors.ContainsKey(field + "completed"))
            {
                errors[field + "completed"] = "Ange hur många som har genomfört kursen.";
            }
            if (completed > staff)
            {
                errors[field + "completed"] = $"Fler har genomfört kursen ({completed}) än det finns anställda ({staff}).";
            }
            if (unitKnown && courseId != 0 && !seen.Add((unitId, courseId)))
            {
                errors[field + "course"] = $"«{unitName}» och «{courseName}» finns redan på en tidigare rad.";
            }
            if (staff is not null && completed is not null && unitKnown && courseId != 0)
            {
                rows.Add(new Completion { UnitId = unitId, CourseId = courseId, Year = year, Staff = staff.Value, Completed = completed.Value, IsSynthetic = synthetic });
            }
        }
        return (rows, errors);
    }

    /// <summary>Replaces the year's rows (all of them, or those of <paramref name="onlyUnits"/> only) all or nothing, after <see cref="CheckAsync"/>.</summary>
    public async Task<Dictionary<string, string>> ReplaceAsync(Council council, int year, IReadOnlyList<CompletionInput> input, IReadOnlyCollection<int>? onlyUnits = null, bool synthetic = false, CancellationToken cancellationToken = default)
    {
        var (rows, errors) = await CheckAsync(council, year, input, onlyUnits, synthetic, cancellationToken);
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Completions.Where(c => c.Unit!.CouncilId == council.Id && c.Year == year && (onlyUnits == null || onlyUnits.Contains(c.UnitId))).ToListAsync(cancellationToken);
        db.Completions.RemoveRange(existing);
        await db.SaveChangesAsync(cancellationToken);
        db.Completions.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    public async Task<(TrainingEvent? Event, Dictionary<string, string> Errors)> AddEventAsync(Council council, string? date, string? title, string? audience, string? participants, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var on = Fields.Date(date, "date", errors, required: true);
        var name = Fields.Guarded(title, "title", 200, errors);
        if (name is null && !errors.ContainsKey("title"))
        {
            errors["title"] = "Ange vad utbildningen handlade om.";
        }
        var who = Fields.Guarded(audience, "audience", 200, errors);
        var count = Fields.WholeNumber(participants, "participants", errors, MaxStaff, "12");
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var training = new TrainingEvent { CouncilId = council.Id, Date = on!.Value, Title = name!, Audience = who, Participants = count ?? 0 };
        db.TrainingEvents.Add(training);
        await db.SaveChangesAsync(cancellationToken);
        return (training, errors);
    }

    private static List<Rate> Rates(IEnumerable<Completion> rows, Func<Completion, string> by) =>
        rows.GroupBy(by).OrderBy(g => g.Key, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))
            .Select(g => new Rate(g.Key, g.Sum(r => r.Staff), g.Sum(r => r.Completed))).ToList();
}
