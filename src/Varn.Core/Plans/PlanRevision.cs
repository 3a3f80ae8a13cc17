namespace Varn.Core.Plans;

/// <summary>
/// "Revidera till nästa år" (DESIGN C5): next year's draft from this year's plan. Section texts are copied; every
/// activity that is not done or cancelled is carried with its lineage; last year's statuses stay readable from the
/// new plan. Shared by the plan page and <c>plans revise</c>.
/// </summary>
public sealed class PlanRevision(VarnDbContext db, TimeProvider clock)
{
    /// <summary>Creates the next year's draft from a decided or approved plan (demo data may name a later year: <paramref name="toYear"/>).</summary>
    public async Task<(ActionPlan? Plan, string? Error)> ReviseAsync(int planId, string revisedBy, CancellationToken cancellationToken = default, int? toYear = null)
    {
        var source = await db.Plans.Include(p => p.Council).Include(p => p.Sections).Include(p => p.Activities)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (source is null)
        {
            return (null, "Planen finns inte.");
        }
        if (source.Stage is not (PlanStage.Decided or PlanStage.Approved))
        {
            return (null, $"En plan revideras när den är behandlad i nämnd eller godkänd; den här är i steget «{source.Stage.Label()}».");
        }
        var year = toYear ?? source.Year + 1;
        if (await db.Plans.AnyAsync(p => p.CouncilId == source.CouncilId && p.Year == year, cancellationToken))
        {
            return (null, $"{source.Council!.Name} har redan en plan för {year}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revision = new ActionPlan
        {
            CouncilId = source.CouncilId,
            Year = year,
            Title = NextTitle(source.Title, source.Year, year, source.Council!.Name),
            Stage = PlanStage.Draft,
            RevisedFromId = source.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var key in SectionKeys.InOrder)
        {
            revision.Sections.Add(new PlanSection { Key = key, Text = source.Sections.FirstOrDefault(s => s.Key == key)?.Text ?? "" });
        }
        foreach (var activity in source.Activities.Where(a => !a.Status.IsFinished()).OrderBy(a => a.Area).ThenBy(a => a.Order))
        {
            var carried = new Activity
            {
                Area = activity.Area,
                Order = activity.Order,
                Text = activity.Text,
                Responsible = activity.Responsible,
                ResponsibleUnitId = activity.ResponsibleUnitId,
                Partners = activity.Partners.ToList(),
                FollowUp = activity.FollowUp,
                Status = activity.Status == ActivityStatus.Ongoing ? ActivityStatus.Ongoing : ActivityStatus.Planned,
                CarriedFromId = activity.Id,
            };
            carried.SetSchedule(activity.Schedule);
            revision.Activities.Add(carried);
        }
        revision.StageChanges.Add(new StageChange { To = PlanStage.Draft, ChangedBy = revisedBy, ChangedAt = now, Note = $"Reviderad från {source.Year} års plan" });
        db.Plans.Add(revision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return (null, $"{source.Council!.Name} fick just en plan för {year} av någon annan.");
        }
        return (revision, null);
    }

    /// <summary>"… extremism 2019" → "… extremism 2020"; a title without the year gets the standard title.</summary>
    public static string NextTitle(string title, int fromYear, int toYear, string councilName)
    {
        var old = fromYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = title.LastIndexOf(old, StringComparison.Ordinal);
        return at < 0 ? ActionPlan.DefaultTitle(councilName, toYear) : title[..at] + toYear + title[(at + old.Length)..];
    }
}
