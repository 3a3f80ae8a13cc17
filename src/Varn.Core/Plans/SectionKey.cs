namespace Varn.Core.Plans;

/// <summary>The text sections of a plan in the common structure, in the order of the plan (DESIGN C2).</summary>
public enum SectionKey
{
    Introduction,
    Responsibility,
    SituationMapping,
    SituationAnalysis,
    Prevention,
    Hindering,
    GrantsAndPremises,
    Competence,
    FollowUp,
}

public static class SectionKeys
{
    public static IReadOnlyList<SectionKey> InOrder { get; } = Enum.GetValues<SectionKey>();

    public static string Title(this SectionKey key) => key switch
    {
        SectionKey.Introduction => "Inledning och syfte",
        SectionKey.Responsibility => "Ansvar och samverkan",
        SectionKey.SituationMapping => "Kartläggning",
        SectionKey.SituationAnalysis => "Analys",
        SectionKey.Prevention => "Förebyggande arbete",
        SectionKey.Hindering => "Förhindrande arbete",
        SectionKey.GrantsAndPremises => "Föreningsbidrag och upplåtande av lokaler",
        SectionKey.Competence => "Kompetenshöjande insatser",
        SectionKey.FollowUp => "Uppföljning",
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    /// <summary>Mapping and analysis are the two parts of the "Lokal lägesbild" chapter.</summary>
    public static bool IsPartOfSituationPicture(this SectionKey key) =>
        key is SectionKey.SituationMapping or SectionKey.SituationAnalysis;

    public const string SituationPictureTitle = "Lokal lägesbild";

    /// <summary>Which activity table follows which section's text in the plan.</summary>
    public static IReadOnlyList<ActivityArea> AreasAfter(this SectionKey key) => key switch
    {
        SectionKey.Responsibility => [ActivityArea.Organisation],
        SectionKey.SituationAnalysis => [ActivityArea.SituationPicture],
        SectionKey.Prevention => [ActivityArea.Prevention],
        SectionKey.Hindering => [ActivityArea.Hindering],
        SectionKey.GrantsAndPremises => [ActivityArea.GrantsAndPremises],
        SectionKey.Competence => [ActivityArea.Competence],
        SectionKey.FollowUp => [ActivityArea.FollowUp],
        _ => [],
    };
}
