namespace Varn.Core.Plans.Interchange;

/// <summary>Last year's activity and how it ended, for the "Status på föregående års åtgärder" table.</summary>
public sealed record PreviousStatus(ActivityArea Area, string Text, ActivityStatus Status, string? Comment, bool Carried);

/// <summary>Everything a Word file or the print view of a plan shows, read once.</summary>
public sealed record PlanForDocument(
    string Municipality,
    PlanDocument Plan,
    DateOnly? DecidedOn,
    DateOnly? ApprovedOn,
    int? PreviousYear,
    IReadOnlyList<PreviousStatus> Previous)
{
    /// <summary>The activity table's columns follow what the plan uses (DESIGN C6).</summary>
    public bool ShowPartners => Plan.Activities.Any(a => a.Partners.Count > 0);
    public bool ShowSchedule => Plan.Activities.Any(a => a.Schedule is not null);
    public bool ShowFollowUp => Plan.Activities.Any(a => a.FollowUp is not null);
    public bool ShowStatus => Plan.Activities.Any(a => a.Status != ActivityStatus.Planned);

    public static async Task<PlanForDocument?> LoadAsync(VarnDbContext db, int planId, CancellationToken cancellationToken)
    {
        var document = await PlanExporter.LoadAsync(db, planId, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.Id == planId)
            .Select(p => new { p.DecidedOn, p.ApprovedOn, p.RevisedFromId, Municipality = p.Council!.Municipality!.Name })
            .SingleAsync(cancellationToken);

        int? previousYear = null;
        IReadOnlyList<PreviousStatus> previous = [];
        if (plan.RevisedFromId is { } fromId)
        {
            previousYear = await db.Plans.Where(p => p.Id == fromId).Select(p => (int?)p.Year).SingleOrDefaultAsync(cancellationToken);
            var carried = await db.Activities.Where(a => a.PlanId == planId && a.CarriedFromId != null).Select(a => a.CarriedFromId!.Value).ToListAsync(cancellationToken);
            // Areas are stored as text: put them in the plan's order in memory.
            previous = (await db.Activities.AsNoTracking().Where(a => a.PlanId == fromId).ToListAsync(cancellationToken))
                .OrderBy(a => a.Area).ThenBy(a => a.Order)
                .Select(a => new PreviousStatus(a.Area, a.Text, a.Status, a.StatusComment, carried.Contains(a.Id)))
                .ToList();
        }
        return new PlanForDocument(plan.Municipality, document, plan.DecidedOn, plan.ApprovedOn, previousYear, previous);
    }
}
