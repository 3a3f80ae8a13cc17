using Varn.Core.Grants;

namespace Varn.Web.Pages.Grants;

/// <summary>The democracy checklist as a form posts it (one checkbox and note per criterion), and where a register problem belongs in the form.</summary>
public sealed class Checklist
{
    public Dictionary<string, bool> Confirmed { get; set; } = [];
    public Dictionary<string, string?> Notes { get; set; } = [];

    public IReadOnlyDictionary<string, (bool Confirmed, string? Note)> ToInput() =>
        Codes.All<DemocracyCriterion>().ToDictionary(code => code, code => (Confirmed.GetValueOrDefault(code), Notes.GetValueOrDefault(code)));

    public static Checklist Of(GrantApplication application) => new()
    {
        Confirmed = application.Criteria.ToDictionary(c => Codes.Of(c.Criterion), c => c.Confirmed),
        Notes = application.Criteria.ToDictionary(c => Codes.Of(c.Criterion), c => c.Note),
    };

    /// <summary>"criteria.humanRights" → "Input.Checklist.Confirmed[humanRights]"; "association.name" → "Input.AssociationName"; "note" → "Input.Note".</summary>
    public static string FieldOf(string key, string prefix = "Input") => key switch
    {
        _ when key.StartsWith("criteria.", StringComparison.Ordinal) => $"{prefix}.Checklist.Confirmed[{key["criteria.".Length..]}]",
        "association.name" => $"{prefix}.AssociationName",
        "association.organisationNumber" => $"{prefix}.OrganisationNumber",
        "version" or "decision" or "accounting" or "reclaim" or "criteria" => "",
        _ => VarnPageModel.FieldOf(prefix, key),
    };
}
