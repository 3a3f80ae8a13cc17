using Varn.Core.Organisation;
using Varn.Core.Reports;

namespace Varn.Core.Situation;

/// <summary>The sources a coordinator enters, as typed: numbers and dates as text, checked here.</summary>
public sealed record SourcesInput(
    string? PeriodFrom,
    string? PeriodTo,
    string? ConcernReports,
    string? Population,
    IReadOnlyDictionary<int, string?> Statistics,
    int Version);

/// <summary>The police assessment as the council's police contact or coordinator types it: text and counts per environment.</summary>
public sealed record PoliceInput(string? Text, IReadOnlyDictionary<ExtremistEnvironment, string?> Counts, int Version);

/// <summary>
/// Keeps a council's inputs to its picture for a year: the sources (period, police, concern reports, population,
/// external statistics) and the coordinator's texts (findings, mapping, analysis). Problems are keyed by field
/// ("police.rightWing", "statistics.3", "version"); nothing is saved when there is one.
/// </summary>
public sealed class SituationRegister(VarnDbContext db)
{
    public const int MaxCount = 1_000_000;
    public const int MaxPopulation = 10_000_000;

    public Task<SituationInput?> FindAsync(Council council, int year, CancellationToken cancellationToken = default) =>
        db.SituationInputs.FirstOrDefaultAsync(i => i.CouncilId == council.Id && i.Year == year, cancellationToken);

    public async Task<Dictionary<string, string>> SaveSourcesAsync(Council council, int year, SourcesInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var from = Fields.Date(input.PeriodFrom, "periodFrom", errors, required: false);
        var to = Fields.Date(input.PeriodTo, "periodTo", errors, required: false);
        if ((from is null) != (to is null) && !errors.ContainsKey("periodFrom") && !errors.ContainsKey("periodTo"))
        {
            errors[from is null ? "periodFrom" : "periodTo"] = "Ange både första och sista dag, eller ingen av dem för standardperioden.";
        }
        else if (from > to)
        {
            errors["periodTo"] = "Sista dagen kan inte vara före den första.";
        }
        var concern = Fields.WholeNumber(input.ConcernReports, "concernReports", errors, MaxCount, "4");
        var population = Fields.WholeNumber(input.Population, "population", errors, MaxPopulation, "75 000");
        if (population == 0)
        {
            errors["population"] = "Antalet invånare kan inte vara 0. Lämna fältet tomt för nämndens uppgift i organisationen.";
        }
        var sources = await db.StatisticsSources.Select(s => s.Id).ToListAsync(cancellationToken);
        var statistics = new Dictionary<int, int?>();
        foreach (var (source, text) in input.Statistics)
        {
            if (!sources.Contains(source))
            {
                errors[$"statistics.{source}"] = "Källan finns inte i stadens lista.";
                continue;
            }
            statistics[source] = Fields.WholeNumber(text, $"statistics.{source}", errors, MaxCount, "12");
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var stored = await FindAsync(council, year, cancellationToken);
        if (!VersionHolds(stored, input.Version, errors))
        {
            return errors;
        }
        stored ??= db.SituationInputs.Add(new SituationInput { CouncilId = council.Id, Year = year }).Entity;
        stored.PeriodFrom = from;
        stored.PeriodTo = to;
        stored.ConcernReports = concern;
        stored.Population = population;
        stored.Version++;

        var figures = await db.StatisticsFigures.Where(f => f.CouncilId == council.Id && f.Year == year).ToListAsync(cancellationToken);
        foreach (var (source, count) in statistics)
        {
            var figure = figures.FirstOrDefault(f => f.SourceId == source);
            if (count is null)
            {
                if (figure is not null)
                {
                    db.StatisticsFigures.Remove(figure);
                }
            }
            else if (figure is null)
            {
                db.StatisticsFigures.Add(new StatisticsFigure { CouncilId = council.Id, Year = year, SourceId = source, Count = count.Value });
            }
            else
            {
                figure.Count = count.Value;
            }
        }
        return await SaveAsync(errors, cancellationToken);
    }

    private static readonly Dictionary<string, string> StatisticsColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["källa"] = "source", ["source"] = "source",
        ["antal"] = "count", ["count"] = "count",
    };

    /// <summary>
    /// External statistics from a CSV file (källa;antal, one row per source of the city's list): all rows or none. Sources
    /// not in the file keep their figures. Problems are keyed "file" (the file as a whole) or "line N".
    /// </summary>
    public async Task<Dictionary<string, string>> ImportStatisticsAsync(Council council, int year, Stream file, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var (rows, unreadable) = Documents.TableFile.ReadCsv(file, StatisticsColumns, ["source", "count"], "källa;antal (eller source;count)", 500);
        if (unreadable is not null)
        {
            errors["file"] = unreadable;
            return errors;
        }
        var sources = await db.StatisticsSources.ToListAsync(cancellationToken);
        var counts = new Dictionary<int, int>();
        foreach (var (line, values) in rows)
        {
            var source = sources.FirstOrDefault(s => string.Equals(s.Name, values["source"], StringComparison.OrdinalIgnoreCase));
            if (source is null)
            {
                errors[$"line {line}"] = $"Rad {line}: källan «{values["source"]}» finns inte i stadens lista.";
                continue;
            }
            var problems = new Dictionary<string, string>();
            var count = Fields.WholeNumber(values["count"], "count", problems, MaxCount, "12");
            if (problems.Count > 0 || count is null)
            {
                errors[$"line {line}"] = $"Rad {line}, antal: {problems.GetValueOrDefault("count") ?? "Ange ett antal."}";
            }
            else if (!counts.TryAdd(source.Id, count.Value))
            {
                errors[$"line {line}"] = $"Rad {line}: «{source.Name}» står redan på en tidigare rad.";
            }
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors["file"] = "Filen har inga rader under rubrikraden.";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var figures = await db.StatisticsFigures.Where(f => f.CouncilId == council.Id && f.Year == year).ToListAsync(cancellationToken);
        foreach (var (source, count) in counts)
        {
            if (figures.FirstOrDefault(f => f.SourceId == source) is { } figure)
            {
                figure.Count = count;
            }
            else
            {
                db.StatisticsFigures.Add(new StatisticsFigure { CouncilId = council.Id, Year = year, SourceId = source, Count = count });
            }
        }
        return await SaveAsync(errors, cancellationToken);
    }

    /// <summary>The police assessment: guarded text and a count per environment (an empty count removes it).</summary>
    public async Task<Dictionary<string, string>> SavePoliceAsync(Council council, int year, PoliceInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var text = Fields.Guarded(input.Text, "text", 4000, errors);
        var counts = new Dictionary<ExtremistEnvironment, int>();
        foreach (var (environment, typed) in input.Counts)
        {
            if (Fields.WholeNumber(typed, "counts." + Codes.Of(environment), errors, MaxCount, "4") is { } count)
            {
                counts[environment] = count;
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var stored = await FindAsync(council, year, cancellationToken);
        if (!VersionHolds(stored, input.Version, errors))
        {
            return errors;
        }
        stored ??= db.SituationInputs.Add(new SituationInput { CouncilId = council.Id, Year = year }).Entity;
        stored.PoliceText = text;
        stored.PoliceCounts.RemoveAll(p => !counts.ContainsKey(p.Environment));
        foreach (var (environment, count) in counts)
        {
            var row = stored.PoliceCounts.FirstOrDefault(p => p.Environment == environment);
            if (row is null)
            {
                stored.PoliceCounts.Add(new PoliceCount { Environment = environment, Count = count });
            }
            else
            {
                row.Count = count;
            }
        }
        stored.Version++;
        return await SaveAsync(errors, cancellationToken);
    }

    /// <summary>The coordinator's texts: the findings as edited (one per line; empty returns to the draft), mapping and analysis.</summary>
    public async Task<Dictionary<string, string>> SaveTextsAsync(Council council, int year, string? findings, string? mapping, string? analysis, int version,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var lines = findings?.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var findingsText = Fields.Guarded(lines is null ? null : string.Join('\n', lines), "findings", 8000, errors);
        var mappingText = Fields.Guarded(mapping, "mapping", 20000, errors);
        var analysisText = Fields.Guarded(analysis, "analysis", 20000, errors);
        if (errors.Count > 0)
        {
            return errors;
        }
        var stored = await FindAsync(council, year, cancellationToken);
        if (!VersionHolds(stored, version, errors))
        {
            return errors;
        }
        stored ??= db.SituationInputs.Add(new SituationInput { CouncilId = council.Id, Year = year }).Entity;
        stored.Findings = findingsText;
        stored.Mapping = mappingText;
        stored.Analysis = analysisText;
        stored.Version++;
        return await SaveAsync(errors, cancellationToken);
    }

    private static bool VersionHolds(SituationInput? stored, int version, Dictionary<string, string> errors)
    {
        if ((stored?.Version ?? 0) == version)
        {
            return true;
        }
        errors["version"] = "Någon annan har ändrat lägesbildens underlag sedan du öppnade sidan. Läs in sidan igen och gör om din ändring.";
        return false;
    }

    private async Task<Dictionary<string, string>> SaveAsync(Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException || (exception is DbUpdateException update && update.IsUniqueViolation()))
        {
            db.ChangeTracker.Clear();
            errors["version"] = "Någon annan sparade lägesbildens underlag samtidigt. Läs in sidan igen och gör om din ändring.";
        }
        return errors;
    }
}
