using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Varn.Core.Documents;
using Varn.Core.Email;
using Varn.Core.Organisation;
using Varn.Core.Surveys;

namespace Varn.Web.Pages.Surveys;

/// <summary>
/// A council's survey round for the coordinators: open it with a closing date, invite units and external actors (each
/// link shown once, or downloaded as CSV, or e-mailed), follow who has answered, make a new link, remind, close.
/// </summary>
public class RoundModel(VarnDbContext db, SurveyRounds rounds, IOptions<EmailOptions> email, TimeProvider clock) : VarnPageModel
{
    public sealed record UnitChoice(int Id, string Name, string? Email);

    public sealed record RecipientRow(int Id, string Name, RecipientKind Kind, ActorKind? ActorKind, string? Email, bool Answered);

    public sealed class InviteInput
    {
        public string? Closes { get; set; }
        public List<int> Units { get; set; } = [];
        public string? ActorName { get; set; }
        public string? ActorKind { get; set; }
        public string? ActorEmail { get; set; }
    }

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public Council Council { get; private set; } = null!;
    public int Year { get; private set; }
    public SurveyRound? Round { get; private set; }
    public bool Closed { get; private set; }
    public IReadOnlyList<RecipientRow> Recipients { get; private set; } = [];
    public IReadOnlyList<UnitChoice> UninvitedUnits { get; private set; } = [];

    /// <summary>Links made by this request: shown once and never stored.</summary>
    public IReadOnlyList<IssuedLink> NewLinks { get; private set; } = [];

    public bool EmailEnabled => email.Value.Enabled;

    public static IEnumerable<SelectListItem> ActorItems() =>
        CodeChoices.Of<ActorKind>(ActorLabel);

    public static string ActorLabel(ActorKind kind) => kind switch
    {
        ActorKind.Association => "Förening",
        ActorKind.HousingCompany => "Bostadsbolag",
        ActorKind.Congregation => "Församling/samfund",
        ActorKind.PublicTransport => "Trafikbolag",
        ActorKind.FireService => "Räddningstjänst",
        ActorKind.OtherAdministration => "Annan förvaltning",
        _ => "Annan",
    };

    public async Task<IActionResult> OnGetAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        Input.Closes = (Round?.Closes ?? clock.Today().AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(string council, int year, string? output, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        var recipients = UninvitedUnits.Where(u => Input.Units.Contains(u.Id)).Select(u => new RecipientInput(u.Name, "unit", u.Email)).ToList();
        if (!string.IsNullOrWhiteSpace(Input.ActorName) || !string.IsNullOrWhiteSpace(Input.ActorEmail))
        {
            recipients.Add(new RecipientInput(Input.ActorName, "external", Input.ActorEmail, Input.ActorKind));
        }
        if (recipients.Count == 0 && Round is not null && Input.Closes == Round.Closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        {
            ModelState.AddModelError("Input.Units", T["Välj enheter eller ange en extern aktör att bjuda in."]);
            return Invalid();
        }
        var (round, links, errors) = await rounds.InviteAsync(Council, year, Input.Closes, recipients, BaseUrl, cancellationToken);
        if (round is null)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(FieldOf(field, recipients), message);
            }
            return Invalid();
        }
        if (output == "csv" && links.Count > 0)
        {
            var file = TableFile.Csv(["Mottagare", "Typ", "E-post", "Länk"], links.Select(l => (IReadOnlyList<object?>)[l.Recipient, l.Kind == RecipientKind.Unit ? "Enhet" : "Extern aktör", l.Email, l.Url]));
            return File(file, TableFile.CsvContentType, $"enkat-{council}-{year}-lankar.csv");
        }
        ModelState.Clear();
        await LoadAsync(council, year, cancellationToken);
        Input = new InviteInput { Closes = Round!.Closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        NewLinks = links;
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(string council, int year, int invitationId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        var link = Round is null ? null : await rounds.RenewAsync(Round, invitationId, reminder: false, BaseUrl, cancellationToken);
        if (link is null)
        {
            Flash = T["Ingen ny länk: mottagaren har redan svarat, eller enkäten är stängd."];
            return Redirect($"/enkater/{council}/{year}");
        }
        NewLinks = [link];
        Input.Closes = Round!.Closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(string council, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(council, year, cancellationToken) is { } refused)
        {
            return refused;
        }
        var reminded = Round is null ? 0 : await rounds.RemindAsync(Round, BaseUrl, cancellationToken);
        Flash = reminded == 0
            ? T["Ingen påminnelse skickades: alla med e-postadress har svarat, e-post är avstängt, eller enkäten är stängd."]
            : T["En påminnelse med ny länk skickas till {0} mottagare som inte har svarat. Deras tidigare länkar slutar gälla.", reminded];
        return Redirect($"/enkater/{council}/{year}");
    }

    private string BaseUrl => email.Value.PublicUrl ?? $"{Request.Scheme}://{Request.Host}";

    private static string FieldOf(string field, IReadOnlyList<RecipientInput> recipients)
    {
        if (field == "closes")
        {
            return "Input.Closes";
        }
        var external = recipients.Count > 0 && recipients[^1].Kind == "external" ? $"recipients[{recipients.Count - 1}]" : null;
        return external is not null && field.StartsWith(external, StringComparison.Ordinal)
            ? field[external.Length..] switch { ".email" => "Input.ActorEmail", ".actorKind" => "Input.ActorKind", _ => "Input.ActorName" }
            : field.StartsWith("recipients", StringComparison.Ordinal) ? "Input.Units" : string.Empty;
    }

    private async Task<IActionResult?> LoadAsync(string council, int year, CancellationToken cancellationToken)
    {
        var target = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Short == council, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        if (!Access.CanCoordinate(target.Id))
        {
            return Forbidden();
        }
        Council = target;
        Year = year;
        Round = await rounds.FindAsync(target.Id, year, cancellationToken);
        Closed = Round?.IsClosed(clock.Today()) ?? false;
        Recipients = Round is null ? [] : await db.SurveyInvitations.AsNoTracking().Where(i => i.RoundId == Round.Id).OrderBy(i => i.Kind).ThenBy(i => i.RecipientName)
            .Select(i => new RecipientRow(i.Id, i.RecipientName, i.Kind, i.ActorKind, i.Email, i.Answered)).ToListAsync(cancellationToken);
        var invitedUnits = Recipients.Where(r => r.Kind == RecipientKind.Unit).Select(r => r.Name).ToHashSet(StringComparer.CurrentCultureIgnoreCase);
        var managers = await db.RoleAssignments.AsNoTracking().Where(a => a.Role == Role.UnitManager && a.Unit!.CouncilId == target.Id)
            .Select(a => new { UnitId = a.UnitId!.Value, a.User!.Email }).ToListAsync(cancellationToken);
        UninvitedUnits = (await db.Units.AsNoTracking().Where(u => u.CouncilId == target.Id).OrderBy(u => u.Name).ToListAsync(cancellationToken))
            .Where(u => !invitedUnits.Contains(u.Name))
            .Select(u => new UnitChoice(u.Id, u.Name, managers.FirstOrDefault(m => m.UnitId == u.Id)?.Email))
            .ToList();
        return null;
    }
}
