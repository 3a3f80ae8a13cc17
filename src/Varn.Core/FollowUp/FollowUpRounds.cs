using Varn.Core.Accounts;
using Varn.Core.Forums;
using Varn.Core.Plans;

namespace Varn.Core.FollowUp;

/// <summary>An activity's line in a round as pages, the API and the files show it.</summary>
public sealed record RoundLine(
    int Id, ActivityArea Area, int Order, string Text, string Responsible, string? Schedule,
    ActivityStatus Status, string? Comment, bool Overdue, string? Meetings, bool CanEdit);

/// <summary>A round with its plan, dates and lines.</summary>
public sealed record RoundView(FollowUpRound Round, ActionPlan Plan, DateOnly Cutoff, DateOnly Due, IReadOnlyList<RoundLine> Lines)
{
    public bool IsOpen => Round.State == RoundState.Open;
}

/// <summary>A change to one activity's line, as typed in a form, sent to the API or read from the ILS file.</summary>
public sealed record EntryInput(string? Id, string? Status, string? Comment);

/// <summary>A line a save changes: the activity, and its status and comment before and after.</summary>
public sealed record EntryChange(int Id, ActivityStatus FromStatus, ActivityStatus ToStatus, string? FromComment, string? ToComment);

/// <summary>What a save of lines came to. Errors are keyed "[i].field" by the input's position.</summary>
public sealed record SaveOutcome(Dictionary<string, string> Errors, bool Conflict, bool Forbidden, IReadOnlyList<EntryChange> Changes)
{
    public bool Succeeded => Errors.Count == 0 && !Conflict && !Forbidden;
}

/// <summary>
/// The follow-up rounds of plans (C10): opening a round from the last one, partial saves by those responsible,
/// submitting as a locked snapshot that sets the activities' current status.
/// </summary>
public sealed class FollowUpRounds(VarnDbContext db, Access access, TimeProvider clock)
{
    public const int MaxComment = 4000;

    /// <summary>A plan's rounds are the council's own work: its people and the central coordinator see them.</summary>
    public bool MaySee(ActionPlan plan) => access.CanSeeDrafts(plan.CouncilId);

    /// <summary>Whether the person follows up any of the plan's activities (its coordinators all, a unit manager their unit's).</summary>
    public async Task<bool> MayFollowUpAnyAsync(ActionPlan plan, CancellationToken cancellationToken = default) =>
        access.CanEditPlans(plan.CouncilId)
        || (await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id && a.ResponsibleUnitId != null).Select(a => a.ResponsibleUnitId).ToListAsync(cancellationToken))
            .Any(unit => access.CanFollowUp(plan.CouncilId, unit));

    /// <summary>Opening and submitting rounds: the council's coordinators and the central coordinator.</summary>
    public bool MayManage(ActionPlan plan) => access.CanEditPlans(plan.CouncilId);

    public async Task<DateOnly> DueAsync(int year, RoundKind kind, CancellationToken cancellationToken = default) =>
        await db.FollowUpDueDates.AsNoTracking().Where(d => d.Year == year && d.Kind == kind).Select(d => (DateOnly?)d.DueOn).FirstOrDefaultAsync(cancellationToken)
        ?? kind.DefaultDue(year);

    public Task<List<FollowUpRound>> ListAsync(ActionPlan plan, CancellationToken cancellationToken = default) =>
        db.FollowUpRounds.AsNoTracking().Where(r => r.PlanId == plan.Id).OrderBy(r => r.Kind).ToListAsync(cancellationToken);

    /// <summary>Opens the round; its lines start from the last submitted round, or the activities' current status. Null and a reason when it cannot be opened.</summary>
    public async Task<(FollowUpRound? Round, string? Refusal, bool Conflict)> OpenAsync(ActionPlan plan, RoundKind kind, string actor, CancellationToken cancellationToken = default)
    {
        if (!plan.Stage.StatusIsEditable())
        {
            return (null, $"Planen är ersatt av nästa års plan och följs inte upp längre.", true);
        }
        if (await db.FollowUpRounds.AnyAsync(r => r.PlanId == plan.Id && r.Kind == kind, cancellationToken))
        {
            return (null, $"{kind.Label()} för {plan.Year} är redan öppnad för planen.", true);
        }
        var activities = await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync(cancellationToken);
        var last = await db.FollowUpRounds.AsNoTracking().Include(r => r.Entries)
            .Where(r => r.PlanId == plan.Id && r.State == RoundState.Submitted).ToListAsync(cancellationToken);
        var previous = last.OrderBy(r => r.Kind).LastOrDefault()?.Entries.ToDictionary(e => e.ActivityId) ?? [];
        var round = new FollowUpRound
        {
            PlanId = plan.Id,
            Kind = kind,
            State = RoundState.Open,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
            OpenedBy = actor,
            Entries = activities.Select(a => previous.TryGetValue(a.Id, out var entry)
                ? new FollowUpEntry { ActivityId = a.Id, Status = entry.Status, Comment = entry.Comment }
                : new FollowUpEntry { ActivityId = a.Id, Status = a.Status, Comment = a.StatusComment }).ToList(),
        };
        db.FollowUpRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.Entry(round).State = EntityState.Detached;
            return (null, $"{kind.Label()} för {plan.Year} är redan öppnad för planen.", true);
        }
        return (round, null, false);
    }

    public async Task<FollowUpRound?> FindAsync(ActionPlan plan, RoundKind kind, CancellationToken cancellationToken = default)
    {
        var round = await db.FollowUpRounds.Include(r => r.Entries).FirstOrDefaultAsync(r => r.PlanId == plan.Id && r.Kind == kind, cancellationToken);
        if (round is not null)
        {
            round.Plan = plan;
        }
        return round;
    }

    /// <summary>The plan's latest round (open or submitted) and the activities it flags as overdue; null when no round is open yet.</summary>
    public async Task<(RoundKind Kind, IReadOnlySet<int> Overdue)?> LatestOverdueAsync(ActionPlan plan, CancellationToken cancellationToken = default)
    {
        if ((await ListAsync(plan, cancellationToken)).LastOrDefault() is not { } latest)
        {
            return null;
        }
        var view = await ViewAsync(plan, (await FindAsync(plan, latest.Kind, cancellationToken))!, cancellationToken);
        return (latest.Kind, view.Lines.Where(l => l.Overdue).Select(l => l.Id).ToHashSet());
    }

    /// <summary>The round's lines in the plan's order, with overdue flags (fixed once submitted) and the meetings of recurring work.</summary>
    public async Task<RoundView> ViewAsync(ActionPlan plan, FollowUpRound round, CancellationToken cancellationToken = default)
    {
        var cutoff = round.Kind.Cutoff(plan.Year);
        var activities = await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id).ToDictionaryAsync(a => a.Id, cancellationToken);
        var forumIds = activities.Values.Where(a => a.ForumId is not null).Select(a => a.ForumId!.Value).Distinct().ToList();
        var forums = forumIds.Count == 0
            ? []
            : await db.Forums.AsNoTracking().Include(f => f.Meetings).Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var open = round.State == RoundState.Open && plan.Stage.StatusIsEditable();
        var lines = round.Entries
            .Where(e => activities.ContainsKey(e.ActivityId))
            .Select(e =>
            {
                var activity = activities[e.ActivityId];
                var overdue = round.State == RoundState.Submitted ? e.Overdue : Overdue.At(activity.ParsedSchedule, e.Status, cutoff);
                return new RoundLine(activity.Id, activity.Area, activity.Order, activity.Text, activity.Responsible, activity.Schedule,
                    e.Status, e.Comment, overdue, Meetings(activity, forums, cutoff),
                    open && access.CanFollowUp(plan.CouncilId, activity.ResponsibleUnitId));
            })
            .OrderBy(l => l.Area).ThenBy(l => l.Order)
            .ToList();
        return new RoundView(round, plan, cutoff, await DueAsync(plan.Year, round.Kind, cancellationToken), lines);
    }

    /// <summary>
    /// Saves status and comment of the given lines, all or nothing: each comment passes the guard, each line must be
    /// the person's to follow up. Lines not given stay as they are; lines given unchanged are not changed. With
    /// <paramref name="store"/> false nothing is saved: the outcome says what a save would change (an import's preview).
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(ActionPlan plan, FollowUpRound round, IReadOnlyList<EntryInput> input, string actor, bool store = true, CancellationToken cancellationToken = default)
    {
        if (round.State == RoundState.Submitted || !plan.Stage.StatusIsEditable())
        {
            return new SaveOutcome([], Conflict: true, Forbidden: false, []);
        }
        var errors = new Dictionary<string, string>();
        var entries = round.Entries.ToDictionary(e => e.ActivityId);
        var units = await db.Activities.AsNoTracking().Where(a => a.PlanId == plan.Id).ToDictionaryAsync(a => a.Id, a => a.ResponsibleUnitId, cancellationToken);
        var changes = new List<(FollowUpEntry Entry, ActivityStatus Status, string? Comment)>();
        var forbidden = false;
        var seen = new HashSet<int>();
        for (var i = 0; i < input.Count; i++)
        {
            var line = input[i];
            if (!int.TryParse(line.Id?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || !entries.TryGetValue(id, out var entry))
            {
                errors[$"[{i}].id"] = string.IsNullOrWhiteSpace(line.Id) ? "Ange aktivitetens id." : $"Planen har ingen aktivitet med id «{line.Id}» i omgången.";
                continue;
            }
            if (!seen.Add(id))
            {
                errors[$"[{i}].id"] = $"Aktiviteten {id} finns två gånger.";
                continue;
            }
            if (!access.CanFollowUp(plan.CouncilId, units.GetValueOrDefault(id)))
            {
                forbidden = true;
                continue;
            }
            var status = Statuses.Parse(line.Status);
            if (status is null)
            {
                errors[$"[{i}].status"] = $"Ange status som en av: {string.Join(", ", Enum.GetValues<ActivityStatus>().Select(s => $"{Codes.Of(s)} ({s.Label()})"))}.";
            }
            var comment = Fields.Guarded(line.Comment, $"[{i}].comment", MaxComment, errors);
            if (status is { } s && (s != entry.Status || comment != entry.Comment))
            {
                changes.Add((entry, s, comment));
            }
        }
        if (forbidden || errors.Count > 0)
        {
            return new SaveOutcome(errors, Conflict: false, Forbidden: forbidden, []);
        }
        var changed = changes.Select(c => new EntryChange(c.Entry.ActivityId, c.Entry.Status, c.Status, c.Entry.Comment, c.Comment)).ToList();
        if (!store)
        {
            return new SaveOutcome(errors, Conflict: false, Forbidden: false, changed);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (entry, status, comment) in changes)
        {
            entry.Status = status;
            entry.Comment = comment;
            entry.UpdatedAt = now;
            entry.UpdatedBy = actor;
        }
        if (changes.Count > 0 && !await db.SaveIfUnchangedAsync(round, round.Version, cancellationToken))
        {
            return new SaveOutcome([], Conflict: true, Forbidden: false, []);
        }
        return new SaveOutcome(errors, Conflict: false, Forbidden: false, changed);
    }

    /// <summary>
    /// Reads an ILS file back into the round, all or nothing: every row must belong to this plan, year and round, and
    /// every error is named by the file's row and column. With <paramref name="store"/> false it is the preview.
    /// </summary>
    public async Task<(SaveOutcome Outcome, List<string> Errors)> ImportAsync(ActionPlan plan, FollowUpRound round, IReadOnlyList<FollowUpFiles.ImportRow> rows, string actor, bool store, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (rows.Count == 0)
        {
            errors.Add("Filen har inga rader med aktiviteter.");
        }
        foreach (var row in rows)
        {
            var council = row.Council?.Trim();
            if (!string.Equals(council, plan.Council!.Name, StringComparison.OrdinalIgnoreCase) && !string.Equals(council, plan.Council.Short, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Rad {row.Line}, kolumnen nämnd: «{council}» är inte {plan.Council.Name}.");
            }
            if (row.Year?.Trim() != plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                errors.Add($"Rad {row.Line}, kolumnen år: «{row.Year}» är inte planens år {plan.Year}.");
            }
            if (!RoundKinds.TryParse(row.Round, out var kind) || kind != round.Kind)
            {
                errors.Add($"Rad {row.Line}, kolumnen omgång: «{row.Round}» är inte omgången {round.Kind.Code()} ({round.Kind.Label()}).");
            }
        }
        var outcome = await SaveAsync(plan, round, rows.Select(r => r.Entry).ToList(), actor, store: store && errors.Count == 0, cancellationToken);
        foreach (var (key, message) in outcome.Errors)
        {
            var index = int.Parse(key[1..key.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
            var column = key[(key.IndexOf('.') + 1)..] switch { "id" => "aktivitets-id", "comment" => "kommentar", var other => other };
            errors.Add($"Rad {rows[index].Line}, kolumnen {column}: {message}");
        }
        return (outcome, errors);
    }

    /// <summary>Locks the round: fixes its overdue flags and makes each line the activity's current status. False when it was already submitted.</summary>
    public async Task<bool> SubmitAsync(ActionPlan plan, FollowUpRound round, string actor, CancellationToken cancellationToken = default)
    {
        if (round.State == RoundState.Submitted || !plan.Stage.StatusIsEditable())
        {
            return false;
        }
        var cutoff = round.Kind.Cutoff(plan.Year);
        var activities = await db.Activities.Where(a => a.PlanId == plan.Id).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var entry in round.Entries.Where(e => activities.ContainsKey(e.ActivityId)))
        {
            var activity = activities[entry.ActivityId];
            entry.Overdue = Overdue.At(activity.ParsedSchedule, entry.Status, cutoff);
            activity.Status = entry.Status;
            activity.StatusComment = entry.Comment;
        }
        round.State = RoundState.Submitted;
        round.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        round.SubmittedBy = actor;
        return await db.SaveIfUnchangedAsync(round, round.Version, cancellationToken);
    }

    /// <summary>A line of an activity's history: a round it was in, this year or in the plans it was carried from.</summary>
    public sealed record HistoryLine(int Year, RoundKind Kind, RoundState State, ActivityStatus Status, string? Comment, bool Overdue);

    /// <summary>The activity's lines in every round, following it back through the plans it was carried from, oldest first.</summary>
    public async Task<List<HistoryLine>> HistoryAsync(int activityId, CancellationToken cancellationToken = default)
    {
        var chain = new List<int>();
        for (int? id = activityId; id is { } current && chain.Count < 20 && !chain.Contains(current);)
        {
            chain.Add(current);
            id = await db.Activities.AsNoTracking().Where(a => a.Id == current).Select(a => a.CarriedFromId).FirstOrDefaultAsync(cancellationToken);
        }
        var rows = await db.FollowUpEntries.AsNoTracking().Where(e => chain.Contains(e.ActivityId))
            .Join(db.FollowUpRounds, e => e.RoundId, r => r.Id, (e, r) => new { r.Plan!.Year, r.Kind, r.State, e.Status, e.Comment, e.Overdue, e.ActivityId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new HistoryLine(r.Year, r.Kind, r.State, r.Status, r.Comment, r.Overdue))
            .OrderBy(r => r.Year).ThenBy(r => r.Kind).ToList();
    }

    /// <summary>Sets the dates by which the year's rounds are due (the central coordinator).</summary>
    public async Task SetDueDatesAsync(int year, IReadOnlyDictionary<RoundKind, DateOnly> dates, CancellationToken cancellationToken = default)
    {
        var stored = await db.FollowUpDueDates.Where(d => d.Year == year).ToListAsync(cancellationToken);
        foreach (var (kind, date) in dates)
        {
            if (stored.FirstOrDefault(d => d.Kind == kind) is { } row)
            {
                row.DueOn = date;
            }
            else
            {
                db.FollowUpDueDates.Add(new FollowUpDueDate { Year = year, Kind = kind, DueOn = date });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"2 av 1 förväntade möten till 30 april" for recurring work linked to a forum; null otherwise.</summary>
    private static string? Meetings(Activity activity, IReadOnlyDictionary<int, Forum> forums, DateOnly cutoff)
    {
        if (activity.ForumId is not { } forumId || !forums.TryGetValue(forumId, out var forum))
        {
            return null;
        }
        var perYear = activity.ParsedSchedule?.TimesPerYear ?? forum.PlannedPerYear;
        if (perYear is not { } times)
        {
            return null;
        }
        var held = forum.Meetings.Count(m => m.Date.Year == cutoff.Year && m.Date <= cutoff);
        return $"{forum.Name}: {held} av {Overdue.Expected(times, cutoff)} förväntade möten till {cutoff:yyyy-MM-dd}";
    }
}

/// <summary>Reading a status as the API code ("done") or the Swedish label ("Genomförd"), in any letter case.</summary>
public static class Statuses
{
    public static ActivityStatus? Parse(string? text)
    {
        var value = text?.Trim();
        foreach (var status in Enum.GetValues<ActivityStatus>())
        {
            if (string.Equals(value, Codes.Of(status), StringComparison.OrdinalIgnoreCase) || string.Equals(value, status.Label(), StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }
        return null;
    }
}
