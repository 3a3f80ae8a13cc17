namespace Varn.Core.Plans;

/// <summary>The area an activity belongs to. The 2017 tables also use Organisation, SituationPicture and FollowUp.</summary>
public enum ActivityArea
{
    Organisation,
    SituationPicture,
    Prevention,
    Hindering,
    GrantsAndPremises,
    Competence,
    FollowUp,
}

public static class ActivityAreas
{
    public static string Label(this ActivityArea area) => area switch
    {
        ActivityArea.Organisation => "Organisation",
        ActivityArea.SituationPicture => "Lägesbild",
        ActivityArea.Prevention => "Förebyggande",
        ActivityArea.Hindering => "Förhindrande",
        ActivityArea.GrantsAndPremises => "Föreningsbidrag och upplåtande av lokaler",
        ActivityArea.Competence => "Kompetenshöjande",
        ActivityArea.FollowUp => "Uppföljning",
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };

    /// <summary>The heading of the activity table in the plan, as the 2019 plan words it.</summary>
    public static string TableHeading(this ActivityArea area) => area switch
    {
        ActivityArea.Organisation => "Aktiviteter för organisation",
        ActivityArea.SituationPicture => "Aktiviteter för lägesbild",
        ActivityArea.Prevention => "Förebyggande aktiviteter",
        ActivityArea.Hindering => "Förhindrande aktiviteter",
        ActivityArea.GrantsAndPremises => "Aktiviteter föreningsbidrag och upplåtande av lokaler",
        ActivityArea.Competence => "Kompetenshöjande aktiviteter",
        ActivityArea.FollowUp => "Aktiviteter för uppföljning",
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };
}
