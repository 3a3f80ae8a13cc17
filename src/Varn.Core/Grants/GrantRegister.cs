using System.Globalization;
using Varn.Core.Audit;
using Varn.Core.Organisation;

namespace Varn.Core.Grants;

/// <summary>What an application says: the association, what it applies for, and the democracy checklist as far as it is known.</summary>
public sealed record GrantInput(
    string? Kind,
    string? AssociationName,
    string? OrganisationNumber,
    string? Amount,
    string? Premises,
    string? PremisesWhen,
    IReadOnlyDictionary<string, (bool Confirmed, string? Note)> Criteria);

/// <summary>
/// The register of grants and premises (C12): applications with their democracy check, decisions that approve only
/// when every applicable criterion is confirmed, the accounting of use, and reclaims. Problems are keyed by the
/// API's field names ("association.organisationNumber", "criteria.humanRights").
/// </summary>
public sealed class GrantRegister(VarnDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxAmount = 100_000_000;

    public static IReadOnlyList<DemocracyCriterion> CriteriaFor(GrantKind kind) =>
        Enum.GetValues<DemocracyCriterion>().Where(c => c != DemocracyCriterion.Unaffiliated || kind == GrantKind.Grant).ToList();

    public static string Label(DemocracyCriterion criterion) => criterion switch
    {
        DemocracyCriterion.DemocraticPrinciples => "Verkar i enlighet med demokratins idéer och rättsstatens principer",
        DemocracyCriterion.HumanRights => "Respekterar de mänskliga rättigheterna",
        DemocracyCriterion.GenderEquality => "Verkar för jämställdhet mellan kvinnor och män",
        DemocracyCriterion.Diversity => "Verkar för mångfald och likabehandling",
        DemocracyCriterion.DistancesFromViolence => "Tar avstånd från våldsbejakande uttryck",
        _ => "Är religiöst och partipolitiskt obunden (gäller bidrag)",
    };

    public async Task<(GrantApplication? Application, Dictionary<string, string> Errors)> CreateAsync(Council council, int year, GrantInput input, bool synthetic = false, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (year < 2000 || year > clock.Today().Year + 1)
        {
            errors["year"] = $"Ange ett år mellan 2000 och {clock.Today().Year + 1}.";
        }
        if (!Codes.TryParse<GrantKind>(input.Kind, out var kind))
        {
            errors["kind"] = "Ange grant (bidrag) eller premises (lokal).";
        }
        var name = input.AssociationName?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors["association.name"] = name.Length == 0 ? "Ange föreningens namn." : "Namnet får vara högst 200 tecken.";
        }
        var (number, numberError) = OrganisationNumber.Check(input.OrganisationNumber);
        if (numberError is not null)
        {
            errors["association.organisationNumber"] = numberError;
        }
        var amount = ReadAmount(input.Amount, "amount", errors);
        if (kind == GrantKind.Grant && amount is null && !errors.ContainsKey("amount"))
        {
            errors["amount"] = "Ange det sökta beloppet i kronor.";
        }
        var premises = input.Premises?.Trim();
        var when = input.PremisesWhen?.Trim();
        if (kind == GrantKind.Premises)
        {
            if (string.IsNullOrEmpty(premises) || premises.Length > 200)
            {
                errors["premises"] = string.IsNullOrEmpty(premises) ? "Ange vilken lokal föreningen söker." : "Högst 200 tecken.";
            }
            if (when?.Length > 200)
            {
                errors["premisesWhen"] = "Högst 200 tecken.";
            }
        }
        var criteria = ReadCriteria(input.Criteria, kind, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var association = await db.Associations.FirstOrDefaultAsync(a => a.OrganisationNumber == number, cancellationToken)
            ?? db.Associations.Add(new Association { Name = name, OrganisationNumber = number!, IsSynthetic = synthetic }).Entity;
        var application = new GrantApplication
        {
            CouncilId = council.Id,
            Year = year,
            Kind = kind,
            Association = association,
            Amount = kind == GrantKind.Grant ? amount : null,
            Premises = kind == GrantKind.Premises ? premises : null,
            PremisesWhen = kind == GrantKind.Premises && !string.IsNullOrEmpty(when) ? when : null,
            Criteria = criteria,
            IsSynthetic = synthetic,
        };
        db.GrantApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return (application, errors);
    }

    /// <summary>Updates the checklist of an application not yet decided.</summary>
    public async Task<Dictionary<string, string>> CheckAsync(GrantApplication application, IReadOnlyDictionary<string, (bool Confirmed, string? Note)> input, int shownVersion, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (application.Decision != GrantDecision.Pending)
        {
            errors["criteria"] = "Ansökan är redan beslutad; kriterierna kan inte ändras.";
            return errors;
        }
        var criteria = ReadCriteria(input, application.Kind, errors);
        if (errors.Count > 0)
        {
            return errors;
        }
        foreach (var criterion in criteria)
        {
            var existing = application.Criteria.FirstOrDefault(c => c.Criterion == criterion.Criterion);
            if (existing is null)
            {
                application.Criteria.Add(criterion);
            }
            else
            {
                existing.Confirmed = criterion.Confirmed;
                existing.Note = criterion.Note;
            }
        }
        return await SaveAsync(application, shownVersion, errors, cancellationToken);
    }

    /// <summary>Approves only when every criterion that applies is confirmed; otherwise each unconfirmed one is named.</summary>
    public async Task<Dictionary<string, string>> DecideAsync(GrantApplication application, string? decision, string? note, int shownVersion, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (!Codes.TryParse<GrantDecision>(decision, out var outcome) || outcome == GrantDecision.Pending)
        {
            errors["decision"] = "Ange approved (bevilja) eller rejected (avslå).";
        }
        if (application.Decision != GrantDecision.Pending)
        {
            errors["decision"] = "Ansökan är redan beslutad.";
        }
        var text = Fields.Guarded(note, "note", 2000, errors);
        if (outcome == GrantDecision.Approved)
        {
            foreach (var criterion in CriteriaFor(application.Kind).Where(c => application.Criteria.All(x => x.Criterion != c || !x.Confirmed)))
            {
                errors[$"criteria.{Codes.Of(criterion)}"] = $"Kan inte beviljas: «{Label(criterion)}» är inte bekräftat.";
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        application.Decision = outcome;
        application.DecidedOn = clock.Today();
        application.DecisionNote = text;
        return await SaveAsync(application, shownVersion, errors, cancellationToken);
    }

    public async Task<Dictionary<string, string>> AccountAsync(GrantApplication application, string? receivedOn, bool? approved, int shownVersion, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (application.Decision != GrantDecision.Approved)
        {
            errors["accounting"] = "Bara en beviljad ansökan redovisas.";
        }
        var date = Fields.Date(receivedOn, "receivedOn", errors, required: true);
        if (errors.Count > 0)
        {
            return errors;
        }
        application.AccountingReceivedOn = date;
        application.AccountingApproved = approved;
        return await SaveAsync(application, shownVersion, errors, cancellationToken);
    }

    /// <summary>Claims a grant back when violent extremism has been established; recorded in the audit log as its own event.</summary>
    public async Task<Dictionary<string, string>> ReclaimAsync(GrantApplication application, string? reason, string? amount, string? date, string? status, int shownVersion, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (application.Decision != GrantDecision.Approved || application.Kind != GrantKind.Grant)
        {
            errors["reclaim"] = "Bara ett beviljat bidrag kan återkrävas.";
        }
        var text = Fields.Guarded(reason, "reason", 2000, errors);
        if (string.IsNullOrWhiteSpace(reason) && !errors.ContainsKey("reason"))
        {
            errors["reason"] = "Ange skälet till återkravet: vad som har konstaterats.";
        }
        var sum = ReadAmount(amount, "amount", errors);
        if (sum is null && !errors.ContainsKey("amount"))
        {
            errors["amount"] = "Ange beloppet som återkrävs i kronor.";
        }
        else if (sum > application.Amount)
        {
            errors["amount"] = $"Återkravet kan inte vara större än bidraget ({application.Amount:N0} kr).";
        }
        var on = Fields.Date(date, "date", errors, required: true);
        var state = ReclaimStatus.Claimed;
        if (status is not null && !Codes.TryParse(status, out state))
        {
            errors["status"] = "Ange claimed (krävs), repaid (återbetalt) eller writtenOff (avskrivet).";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        application.ReclaimReason = text;
        application.ReclaimAmount = sum;
        application.ReclaimDate = on;
        application.ReclaimStatus = state;
        errors = await SaveAsync(application, shownVersion, errors, cancellationToken);
        if (errors.Count == 0)
        {
            await audit.RecordAsync("grant.reclaimed", nameof(GrantApplication), application.Id.ToString(CultureInfo.InvariantCulture), $"Återkrav {Codes.Of(state)}", cancellationToken);
        }
        return errors;
    }

    private async Task<Dictionary<string, string>> SaveAsync(GrantApplication application, int shownVersion, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (!await db.SaveIfUnchangedAsync(application, shownVersion, cancellationToken))
        {
            errors["version"] = "Någon annan har ändrat ansökan sedan du öppnade den. Ladda om sidan och försök igen.";
        }
        return errors;
    }

    private static List<GrantCriterion> ReadCriteria(IReadOnlyDictionary<string, (bool Confirmed, string? Note)> input, GrantKind kind, Dictionary<string, string> errors)
    {
        var criteria = new List<GrantCriterion>();
        foreach (var (code, (confirmed, note)) in input)
        {
            if (!Codes.TryParse<DemocracyCriterion>(code, out var criterion))
            {
                errors[$"criteria.{code}"] = $"Okänt kriterium. Tillåtna: {string.Join(", ", Codes.All<DemocracyCriterion>())}.";
                continue;
            }
            if (criterion == DemocracyCriterion.Unaffiliated && kind == GrantKind.Premises && confirmed)
            {
                errors[$"criteria.{code}"] = "Gäller bara bidrag, inte lokaler.";
                continue;
            }
            criteria.Add(new GrantCriterion { Criterion = criterion, Confirmed = confirmed, Note = Fields.Guarded(note, $"criteria.{code}", 1000, errors) });
        }
        return criteria;
    }

    private static int? ReadAmount(string? text, string field, Dictionary<string, string> errors) => Fields.WholeNumber(text, field, errors, MaxAmount, "25000");
}
