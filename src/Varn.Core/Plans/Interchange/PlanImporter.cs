using Varn.Core.Audit;
using Varn.Core.Organisation;

namespace Varn.Core.Plans.Interchange;

public sealed record ImportOutcome(ActionPlan? Plan, Council? Council, IReadOnlyList<FormatError> Errors, bool Replaced)
{
    public bool Succeeded => Plan is not null;

    /// <summary>Refused because of the plan already there (it exists, or it is approved and may not be replaced).</summary>
    public bool Conflict => Errors.Count > 0 && Errors.All(e => e.Path == ExistingPlanPath);

    public const string ExistingPlanPath = "$.year";
}

/// <summary>
/// Saves a read <see cref="PlanDocument"/> as a plan: the council must exist, and a plan for the same council and
/// year is replaced only when asked — and never once the council has treated it: a decided, approved or superseded
/// plan is the record (DESIGN C4).
/// All of it is saved in one transaction, or nothing is.
/// Shared by the upload page, <c>POST /api/v1/plans</c> and <c>plans import</c>.
/// </summary>
public sealed class PlanImporter(VarnDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(Council? Council, IReadOnlyList<FormatError> Errors)> CheckAsync(PlanDocument document, bool replace, CancellationToken cancellationToken = default)
    {
        var (council, errors) = await FindCouncilAsync(document, cancellationToken);
        if (council is null)
        {
            return (null, errors);
        }
        var existing = await db.Plans.Where(p => p.CouncilId == council.Id && p.Year == document.Year).Select(p => (PlanStage?)p.Stage).FirstOrDefaultAsync(cancellationToken);
        errors.AddRange(ExistingPlanErrors(council, document.Year, existing, replace));
        return (council, errors);
    }

    private async Task<(Council? Council, List<FormatError> Errors)> FindCouncilAsync(PlanDocument document, CancellationToken cancellationToken)
    {
        var errors = new List<FormatError>();
        var councils = await db.Councils.AsNoTracking().ToListAsync(cancellationToken);
        var council = councils.FirstOrDefault(c => string.Equals(c.Name, document.Council.Name, StringComparison.CurrentCultureIgnoreCase));
        if (council is null)
        {
            errors.Add(new("$.council.name", $"Nämnden «{document.Council.Name}» finns inte i Värn. Lägg till den under Organisation eller rätta namnet."));
            return (null, errors);
        }
        if (council.Kind != document.Council.Kind)
        {
            errors.Add(new("$.council.kind", $"{council.Name} är av typen «{Codes.Of(council.Kind)}» i Värn, inte «{Codes.Of(document.Council.Kind)}»."));
        }
        return (council, errors);
    }

    private static IEnumerable<FormatError> ExistingPlanErrors(Council council, int year, PlanStage? existing, bool replace)
    {
        if (existing is { } stage && !stage.ContentIsEditable())
        {
            yield return new(ImportOutcome.ExistingPlanPath, $"{ActionPlan.Genitive(council.Name)} plan för {year} är låst i steget «{stage.Label()}» och kan inte ersättas. Ingenting ändrades.");
        }
        else if (existing is not null && !replace)
        {
            yield return new(ImportOutcome.ExistingPlanPath, $"{council.Name} har redan en plan för {year}. Välj att ersätta den om filen ska gälla i stället.");
        }
    }

    public async Task<ImportOutcome> ImportAsync(PlanDocument document, bool replace, string changedBy, CancellationToken cancellationToken = default)
    {
        // Join a caller's transaction (several files imported as one), or make one. The check runs inside it, on the
        // same read of the existing plan that decides whether to replace it: a plan saved by someone else since the
        // caller's own check is seen here and refused unless replacing was asked for, never silently replaced.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var (council, errors) = await FindCouncilAsync(document, cancellationToken);
        if (council is null || errors.Count > 0)
        {
            return new ImportOutcome(null, council, errors, false);
        }
        var existing = await db.Plans.FirstOrDefaultAsync(p => p.CouncilId == council.Id && p.Year == document.Year, cancellationToken);
        errors.AddRange(ExistingPlanErrors(council, document.Year, existing?.Stage, replace));
        if (errors.Count > 0)
        {
            return new ImportOutcome(null, council, errors, false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new ActionPlan
        {
            CouncilId = council.Id,
            Year = document.Year,
            Title = document.Title,
            Diarienummer = document.Diarienummer,
            Stage = document.Stage,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var key in SectionKeys.InOrder)
        {
            plan.Sections.Add(new PlanSection { Key = key, Text = document.Section(key) });
        }
        foreach (var group in document.Activities.GroupBy(a => a.Area))
        {
            var order = 1;
            foreach (var item in group)
            {
                plan.Activities.Add(item.ToActivity(order++));
            }
        }
        plan.StageChanges.Add(new StageChange
        {
            From = null,
            To = document.Stage,
            ChangedBy = changedBy,
            ChangedAt = now,
            Note = existing is null ? "Importerad från fil" : "Importerad från fil och ersatte tidigare plan",
        });

        try
        {
            if (existing is not null)
            {
                db.Plans.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
            }
            db.Plans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation() || exception is DbUpdateConcurrencyException)
        {
            // Someone else saved, replaced or removed the council's plan for the year a moment ago.
            db.ChangeTracker.Clear();
            return new ImportOutcome(null, council, [new(ImportOutcome.ExistingPlanPath, $"{council.Name} fick just en plan för {document.Year} av någon annan. Ingenting lästes in.")], false);
        }
        await audit.RecordAsync("plan.imported", nameof(ActionPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{council.Short} {plan.Year}: {plan.Activities.Count} aktiviteter{(existing is null ? "" : ", ersatte tidigare plan")}", cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new ImportOutcome(plan, council, [], existing is not null);
    }
}
