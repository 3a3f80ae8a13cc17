namespace Varn.Core.Plans.Interchange;

/// <summary>Reads a stored plan into a <see cref="PlanDocument"/>: the one shape that JSON, Word and print are made from.</summary>
public static class PlanExporter
{
    public static async Task<PlanDocument?> LoadAsync(VarnDbContext db, int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Council)
            .Include(p => p.Sections)
            .Include(p => p.Activities)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return plan is null ? null : ToDocument(plan);
    }

    public static PlanDocument ToDocument(ActionPlan plan)
    {
        var council = plan.Council ?? throw new InvalidOperationException("The plan's council must be loaded.");
        return new PlanDocument(
            new PlanDocumentCouncil(council.Name, council.Kind),
            plan.Year,
            plan.Title,
            plan.Diarienummer,
            plan.Stage,
            plan.Sections.ToDictionary(s => s.Key, s => s.Text),
            plan.Activities
                .OrderBy(a => a.Area)
                .ThenBy(a => a.Order)
                .Select(a => new PlanDocumentActivity(a.Area, a.Text, a.Responsible, a.Partners, a.Schedule, a.FollowUp, a.Status))
                .ToList());
    }
}
