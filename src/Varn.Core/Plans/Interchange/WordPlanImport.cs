using Varn.Core.Audit;
using Varn.Core.Organisation;

namespace Varn.Core.Plans.Interchange;

/// <summary>
/// Saves activities read from a Word file into a draft: a new plan from the city template when the council has none
/// for the year, or appended to its draft. A plan past the draft stages is not touched. Shared by the upload page and
/// <c>plans import-word</c>.
/// </summary>
public sealed class WordPlanImport(VarnDbContext db, PlanLifecycle lifecycle, AuditLog audit, TimeProvider clock)
{
    public async Task<string?> CheckAsync(Council council, int year, CancellationToken cancellationToken)
    {
        var stage = await db.Plans.Where(p => p.CouncilId == council.Id && p.Year == year).Select(p => (PlanStage?)p.Stage).FirstOrDefaultAsync(cancellationToken);
        return Locked(council, year, stage);
    }

    private static string? Locked(Council council, int year, PlanStage? stage) =>
        stage is { } existing && !existing.ContentIsEditable()
            ? $"{council.Name} har redan en plan för {year} i steget «{existing.Label()}». Aktiviteter läses bara in i ett utkast."
            : null;

    /// <summary>
    /// The stage is checked on the same read as the plan the activities go into, and the plan's version guards the
    /// save: a plan moved past the draft stages by someone else in between is not touched.
    /// </summary>
    public async Task<(ActionPlan? Plan, string? Error)> SaveAsync(Council council, int year, IReadOnlyList<PlanDocumentActivity> activities, string actor, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.CouncilId == council.Id && p.Year == year, cancellationToken);
        if (Locked(council, year, plan?.Stage) is { } problem)
        {
            return (null, problem);
        }
        if (plan is null)
        {
            plan = await lifecycle.CreateFromTemplateAsync(council, year, actor, cancellationToken);
        }
        else
        {
            plan.Version++;
        }
        var orders = plan.Id == 0
            ? new Dictionary<ActivityArea, int>()
            : await db.Activities.Where(a => a.PlanId == plan.Id).GroupBy(a => a.Area).ToDictionaryAsync(g => g.Key, g => g.Max(a => a.Order), cancellationToken);
        foreach (var item in activities)
        {
            orders[item.Area] = orders.GetValueOrDefault(item.Area) + 1;
            plan.Activities.Add(item.ToActivity(orders[item.Area]));
        }
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation() || exception is DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, $"{ActionPlan.Genitive(council.Name)} plan för {year} sparades just av någon annan. Ingenting lästes in; försök igen så läggs aktiviteterna till i den om den fortfarande är ett utkast.");
        }
        await audit.RecordAsync("plan.imported", nameof(ActionPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Word: {activities.Count} aktiviteter", cancellationToken);
        return (plan, null);
    }

    /// <summary>The plan as saving would leave it, in varn.plan/1 (the command line's dry run).</summary>
    public async Task<PlanDocument> PreviewAsync(Council council, int year, IReadOnlyList<PlanDocumentActivity> activities, CancellationToken cancellationToken)
    {
        var existingId = await db.Plans.Where(p => p.CouncilId == council.Id && p.Year == year).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (existingId is { } id)
        {
            var existing = (await PlanExporter.LoadAsync(db, id, cancellationToken))!;
            return existing with { Activities = existing.Activities.Concat(activities).OrderBy(a => a.Area).ToList() };
        }
        var template = await db.TemplateSections.AsNoTracking().Where(t => t.MunicipalityId == council.MunicipalityId).ToDictionaryAsync(t => t.Key, t => t.Text, cancellationToken);
        return new PlanDocument(
            new PlanDocumentCouncil(council.Name, council.Kind), year, ActionPlan.DefaultTitle(council.Name, year), null, PlanStage.Draft,
            template, activities.OrderBy(a => a.Area).ToList());
    }
}
