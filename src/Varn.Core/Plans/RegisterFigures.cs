using System.Globalization;
using Varn.Core.Competence;
using Varn.Core.Forums;
using Varn.Core.Grants;

namespace Varn.Core.Plans;

/// <summary>
/// The live figure beside an activity that points to a register (C12–C14): a forum's meetings against planned, a
/// course's completion in the council, the grants register's decisions and reclaims — for the plan's year, or this
/// year while the plan's year has not begun.
/// </summary>
public static class RegisterFigures
{
    /// <summary>Which areas may point to which register: the grants register and courses to their own areas, forums to the others.</summary>
    public static bool Fits(ActivityArea area, int? forumId, int? courseId, bool grants) =>
        (forumId is null || area is not (ActivityArea.GrantsAndPremises or ActivityArea.Competence))
        && (courseId is null || area == ActivityArea.Competence)
        && (!grants || area == ActivityArea.GrantsAndPremises);

    public static async Task<IReadOnlyDictionary<int, string>> DescribeAsync(VarnDbContext db, int councilId, int planYear, IReadOnlyList<Activity> activities, DateOnly today, CancellationToken cancellationToken = default)
    {
        var year = Math.Min(planYear, today.Year);
        var figures = new Dictionary<int, string>();
        var forumIds = activities.Where(a => a.ForumId is not null).Select(a => a.ForumId!.Value).Distinct().ToList();
        if (forumIds.Count > 0)
        {
            var forums = await db.Forums.AsNoTracking().Include(f => f.Meetings).Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
            foreach (var activity in activities.Where(a => a.ForumId is { } id && forums.ContainsKey(id)))
            {
                var forum = forums[activity.ForumId!.Value];
                var figure = ForumYear.For(forum, year);
                var held = figure.Planned is { } planned ? $"{figure.Held} av {planned} möten" : $"{figure.Held} möten";
                figures[activity.Id] = $"{forum.Name}: {held} {year}, VBE på dagordningen {figure.VbeOnAgenda}";
            }
        }
        var courseIds = activities.Where(a => a.CourseId is not null).Select(a => a.CourseId!.Value).Distinct().ToList();
        if (courseIds.Count > 0)
        {
            var rows = await db.Completions.AsNoTracking().Include(c => c.Course)
                .Where(c => courseIds.Contains(c.CourseId) && c.Year == year && c.Unit!.CouncilId == councilId).ToListAsync(cancellationToken);
            var names = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            foreach (var activity in activities.Where(a => a.CourseId is { } id && names.ContainsKey(id)))
            {
                var rate = new Rate(names[activity.CourseId!.Value], rows.Where(r => r.CourseId == activity.CourseId).Sum(r => r.Staff), rows.Where(r => r.CourseId == activity.CourseId).Sum(r => r.Completed));
                figures[activity.Id] = rate.Staff == 0
                    ? $"{rate.Name}: inga siffror för {year}"
                    : $"{rate.Name}: {rate.Completed} av {rate.Staff} har genomfört ({rate.Percent} %) {year}";
            }
        }
        if (activities.Any(a => a.UsesGrantsRegister))
        {
            var applications = await db.GrantApplications.AsNoTracking().Where(a => a.CouncilId == councilId && a.Year == year)
                .Select(a => new { a.Decision, Reclaimed = a.ReclaimStatus != null }).ToListAsync(cancellationToken);
            var text = string.Create(CultureInfo.InvariantCulture,
                $"Bidrag och lokaler {year}: {applications.Count} ansökningar, {applications.Count(a => a.Decision == GrantDecision.Approved)} beviljade, {applications.Count(a => a.Decision == GrantDecision.Rejected)} avslagna, {applications.Count(a => a.Reclaimed)} återkrav");
            foreach (var activity in activities.Where(a => a.UsesGrantsRegister))
            {
                figures[activity.Id] = text;
            }
        }
        return figures;
    }
}
