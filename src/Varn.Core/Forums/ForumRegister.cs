using Varn.Core.Organisation;

namespace Varn.Core.Forums;

public sealed record ForumInput(string? Name, string? Kind, string? Owner, string? Members, string? Frequency);

/// <summary>The council's cooperation forums and their meeting log (C13). Problems are keyed by the API's field names.</summary>
public sealed class ForumRegister(VarnDbContext db, TimeProvider clock)
{
    public static string Label(ForumKind kind) => kind switch
    {
        ForumKind.Tsr => "Trygghets- och säkerhetsråd (TSR)",
        ForumKind.Sspf => "Skola, socialtjänst, polis, fritid (SSPF)",
        ForumKind.Sig => "Särskild insatsgrupp (SIG)",
        ForumKind.Ppss => "Polis, socialtjänst, skola (PPSS)",
        ForumKind.Bra => "Brottsförebyggande råd (BRÅ)",
        ForumKind.SteeringGroup => "Styrgrupp",
        ForumKind.PoliceAgreement => "Samverkansöverenskommelse med polisen",
        _ => "Annat forum",
    };

    public async Task<(Forum? Forum, Dictionary<string, string> Errors)> CreateAsync(Council council, ForumInput input, bool synthetic = false, CancellationToken cancellationToken = default)
    {
        var forum = new Forum { CouncilId = council.Id, Name = "", IsSynthetic = synthetic };
        var errors = Apply(forum, input);
        if (errors.Count == 0 && await db.Forums.AnyAsync(f => f.CouncilId == council.Id && f.Name == forum.Name, cancellationToken))
        {
            errors["name"] = $"{council.Name} har redan ett forum som heter «{forum.Name}».";
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        db.Forums.Add(forum);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.Entry(forum).State = EntityState.Detached;
            return (null, new Dictionary<string, string> { ["name"] = $"{council.Name} har redan ett forum som heter «{forum.Name}»." });
        }
        return (forum, errors);
    }

    public async Task<Dictionary<string, string>> UpdateAsync(Forum forum, ForumInput input, int shownVersion, CancellationToken cancellationToken = default)
    {
        var errors = Apply(forum, input);
        if (errors.Count == 0 && await db.Forums.AnyAsync(f => f.CouncilId == forum.CouncilId && f.Name == forum.Name && f.Id != forum.Id, cancellationToken))
        {
            errors["name"] = $"Nämnden har redan ett forum som heter «{forum.Name}».";
        }
        if (errors.Count == 0 && !await db.SaveIfUnchangedAsync(forum, shownVersion, cancellationToken))
        {
            errors["version"] = "Någon annan har ändrat forumet sedan du öppnade det. Ladda om sidan och försök igen.";
        }
        return errors;
    }

    public async Task<(ForumMeeting? Meeting, Dictionary<string, string> Errors)> AddMeetingAsync(Forum forum, string? date, bool vbeOnAgenda, string? note, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var on = Fields.Date(date, "date", errors, required: true);
        if (on > clock.Today())
        {
            errors["date"] = "Mötesloggen gäller hållna möten: datumet får inte ligga i framtiden.";
        }
        var text = Fields.Guarded(note, "note", 2000, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var meeting = new ForumMeeting { ForumId = forum.Id, Date = on!.Value, VbeOnAgenda = vbeOnAgenda, Note = text };
        db.ForumMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return (meeting, errors);
    }

    private static Dictionary<string, string> Apply(Forum forum, ForumInput input)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors["name"] = name.Length == 0 ? "Ange forumets namn." : "Namnet får vara högst 200 tecken.";
        }
        if (!Codes.TryParse<ForumKind>(input.Kind, out var kind))
        {
            errors["kind"] = $"Ange ett av: {string.Join(", ", Codes.All<ForumKind>())}.";
        }
        var owner = Fields.Guarded(input.Owner, "owner", 200, errors);
        var members = Fields.Guarded(input.Members, "members", 2000, errors);
        var frequency = input.Frequency?.Trim();
        if (!string.IsNullOrEmpty(frequency) && (frequency.Length > 100 || new Forum { Name = "", Frequency = frequency }.PlannedPerYear is null))
        {
            errors["frequency"] = "Skriv hur ofta forumet ska träffas så att det går att räkna, till exempel «4 ggr/år» eller «var 14:e dag».";
        }
        if (errors.Count == 0)
        {
            forum.Name = name;
            forum.Kind = kind;
            forum.Owner = owner;
            forum.Members = members;
            forum.Frequency = string.IsNullOrEmpty(frequency) ? null : frequency;
        }
        return errors;
    }
}
