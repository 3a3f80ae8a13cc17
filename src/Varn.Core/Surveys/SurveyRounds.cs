using System.Globalization;
using Varn.Core.Email;
using Varn.Core.Organisation;

namespace Varn.Core.Surveys;

/// <summary>A recipient to invite, as the coordinator or the API names them.</summary>
public sealed record RecipientInput(string? Name, string? Kind, string? Email, string? ActorKind = null);

/// <summary>A link made now: shown once to the coordinator, or sent, and never stored.</summary>
public sealed record IssuedLink(string Recipient, RecipientKind Kind, string? Email, string Url, bool Emailed);

/// <summary>
/// Opening a council's survey round for a year, inviting units and external actors by single-use links, closing it,
/// and reminding those who have not answered. Shared by the round page and the API.
/// </summary>
public sealed class SurveyRounds(VarnDbContext db, Outbox outbox, TimeProvider clock)
{
    public const int MaxRecipients = 500;

    public Task<SurveyRound?> FindAsync(int councilId, int year, CancellationToken cancellationToken = default) =>
        db.SurveyRounds.Include(r => r.Council).FirstOrDefaultAsync(r => r.CouncilId == councilId && r.Year == year, cancellationToken);

    /// <summary>
    /// Opens the round with its closing date (or moves the date of an open one) and invites the recipients, in one
    /// save. Problems are keyed by the API's field names ("closes", "recipients[2].email").
    /// </summary>
    public async Task<(SurveyRound? Round, IReadOnlyList<IssuedLink> Links, Dictionary<string, string> Errors)> InviteAsync(
        Council council, int year, string? closes, IReadOnlyList<RecipientInput> recipients, string baseUrl, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var today = clock.Today();
        var round = await FindAsync(council.Id, year, cancellationToken);
        DateOnly? closing = null;
        if (!string.IsNullOrWhiteSpace(closes))
        {
            if (!DateOnly.TryParseExact(closes.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors["closes"] = "Ange sista svarsdag som ÅÅÅÅ-MM-DD, till exempel 2026-03-31.";
            }
            else if (date < today)
            {
                errors["closes"] = "Sista svarsdagen har redan passerat.";
            }
            else if (date > today.AddYears(1))
            {
                errors["closes"] = "Sista svarsdagen får ligga högst ett år fram.";
            }
            else
            {
                closing = date;
            }
        }
        else if (round is null)
        {
            errors["closes"] = "Ange sista svarsdag.";
        }
        if (round is not null && round.IsClosed(today))
        {
            errors["round"] = $"Enkäten för {year} är stängd. Inga fler kan bjudas in.";
        }
        if (year < 2000 || year > today.Year + 1)
        {
            errors["year"] = $"Ange ett år mellan 2000 och {today.Year + 1}.";
        }
        var units = await db.Units.AsNoTracking().Where(u => u.CouncilId == council.Id).ToListAsync(cancellationToken);
        var existing = round is null ? [] : await db.SurveyInvitations.AsNoTracking().Where(i => i.RoundId == round.Id).Select(i => new { i.Kind, i.RecipientName }).ToListAsync(cancellationToken);
        var invitations = new List<SurveyInvitation>();
        if (recipients.Count > MaxRecipients)
        {
            errors["recipients"] = $"Högst {MaxRecipients} mottagare åt gången.";
        }
        for (var i = 0; i < recipients.Count && recipients.Count <= MaxRecipients; i++)
        {
            var invitation = CheckRecipient(recipients[i], $"recipients[{i}]", units, errors);
            if (invitation is null)
            {
                continue;
            }
            var duplicate = existing.Any(e => e.Kind == invitation.Kind && string.Equals(e.RecipientName, invitation.RecipientName, StringComparison.CurrentCultureIgnoreCase))
                || invitations.Any(e => e.Kind == invitation.Kind && string.Equals(e.RecipientName, invitation.RecipientName, StringComparison.CurrentCultureIgnoreCase));
            if (duplicate)
            {
                errors[$"recipients[{i}].name"] = $"«{invitation.RecipientName}» är redan inbjuden till enkäten.";
                continue;
            }
            invitations.Add(invitation);
        }
        if (errors.Count > 0)
        {
            return (null, [], errors);
        }

        if (round is null)
        {
            var template = await db.SurveyTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.MunicipalityId == council.MunicipalityId && t.Year == year, cancellationToken);
            round = new SurveyRound
            {
                CouncilId = council.Id,
                Year = year,
                OpenedAt = clock.GetUtcNow().UtcDateTime,
                TemplateRevision = template?.Revision ?? 0,
                Texts = SurveyTexts.Complete(template?.Texts),
            };
            db.SurveyRounds.Add(round);
        }
        if (closing is { } newClosing)
        {
            round.Closes = newClosing;
        }
        var links = new List<IssuedLink>();
        foreach (var invitation in invitations)
        {
            var token = SurveyTokens.New();
            invitation.TokenHash = SurveyTokens.Hash(token);
            round.Invitations.Add(invitation);
            links.Add(Issue(invitation, token, round, council, baseUrl, reminder: false));
        }
        await db.SaveChangesAsync(cancellationToken);
        return (round, links, errors);
    }

    /// <summary>A new link for a recipient who lost theirs, or a reminder: the old link stops working.</summary>
    public async Task<IssuedLink?> RenewAsync(SurveyRound round, int invitationId, bool reminder, string baseUrl, CancellationToken cancellationToken = default)
    {
        var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.RoundId == round.Id && !i.Answered, cancellationToken);
        if (invitation is null || round.IsClosed(clock.Today()))
        {
            return null;
        }
        var token = SurveyTokens.New();
        invitation.TokenHash = SurveyTokens.Hash(token);
        var link = Issue(invitation, token, round, round.Council!, baseUrl, reminder);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>Reminds everyone who has not answered and has an e-mail address, each with a new link. Returns how many.</summary>
    public async Task<int> RemindAsync(SurveyRound round, string baseUrl, CancellationToken cancellationToken = default)
    {
        if (!outbox.Enabled || round.IsClosed(clock.Today()))
        {
            return 0;
        }
        var waiting = await db.SurveyInvitations.Where(i => i.RoundId == round.Id && !i.Answered && i.Email != null).ToListAsync(cancellationToken);
        foreach (var invitation in waiting)
        {
            var token = SurveyTokens.New();
            invitation.TokenHash = SurveyTokens.Hash(token);
            Issue(invitation, token, round, round.Council!, baseUrl, reminder: true);
        }
        await db.SaveChangesAsync(cancellationToken);
        return waiting.Count;
    }

    public async Task CloseAsync(SurveyRound round, CancellationToken cancellationToken = default)
    {
        round.ClosedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private IssuedLink Issue(SurveyInvitation invitation, string token, SurveyRound round, Council council, string baseUrl, bool reminder)
    {
        var url = SurveyTokens.Url(baseUrl, token);
        var emailed = invitation.Email is not null && outbox.Queue(
            reminder ? "survey.reminder" : "survey.invitation",
            invitation.Email,
            $"{(reminder ? "Påminnelse: " : "")}Enkät om våldsbejakande extremism {round.Year} – {council.Name}",
            $"""
            Hej!

            {council.Name} gör sin årliga kartläggning av våldsbejakande extremism och ber {invitation.RecipientName} svara på stadens enkät.
            Svaren är anonyma: de kan inte kopplas till dig eller din verksamhet.

            Svara senast {round.Closes:yyyy-MM-dd} via länken, som bara kan användas en gång:
            {url}
            {(reminder ? "\nDen här länken ersätter den du fick tidigare.\n" : "")}
            Med vänlig hälsning
            {council.Name}
            """);
        return new IssuedLink(invitation.RecipientName, invitation.Kind, invitation.Email, url, emailed);
    }

    private static SurveyInvitation? CheckRecipient(RecipientInput input, string field, IReadOnlyList<Unit> units, Dictionary<string, string> errors)
    {
        var name = input.Name?.Trim() ?? "";
        RecipientKind kind = default;
        if (name.Length is 0 or > 200)
        {
            errors[$"{field}.name"] = name.Length == 0 ? "Ange mottagarens namn." : "Namnet får vara högst 200 tecken.";
        }
        if (!Codes.TryParse(input.Kind?.Trim(), out kind))
        {
            errors[$"{field}.kind"] = "Ange unit (en enhet i nämnden) eller external (en extern aktör).";
        }
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && (email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            errors[$"{field}.email"] = $"«{email}» är ingen e-postadress.";
        }
        ActorKind? actor = null;
        if (!string.IsNullOrWhiteSpace(input.ActorKind))
        {
            if (Codes.TryParse<ActorKind>(input.ActorKind.Trim(), out var parsed))
            {
                actor = parsed;
            }
            else
            {
                errors[$"{field}.actorKind"] = $"Okänd aktör «{input.ActorKind}». Tillåtna: {string.Join(", ", Codes.All<ActorKind>())}.";
            }
        }
        var unit = kind == RecipientKind.Unit ? units.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.CurrentCultureIgnoreCase)) : null;
        if (kind == RecipientKind.Unit && name.Length > 0 && unit is null && !errors.ContainsKey($"{field}.kind"))
        {
            errors[$"{field}.name"] = $"Nämnden har ingen enhet som heter «{name}». Lägg till den under Organisation eller bjud in den som extern aktör.";
        }
        if (errors.Keys.Any(k => k.StartsWith(field + ".", StringComparison.Ordinal)))
        {
            return null;
        }
        return new SurveyInvitation
        {
            RecipientName = unit?.Name ?? name,
            Kind = kind,
            ActorKind = kind == RecipientKind.External ? actor ?? Surveys.ActorKind.Other : null,
            UnitId = unit?.Id,
            Email = email,
            TokenHash = "",
        };
    }
}
