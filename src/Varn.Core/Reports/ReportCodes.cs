namespace Varn.Core.Reports;

public enum ReportCategory
{
    Graffiti,
    Stickers,
    Flyers,
    Demonstration,
    ExpressedViews,
    Symbols,
    Threats,
    Violence,
    Recruitment,
    UnlawfulInfluence,
    ConcernForIndividual,
    Returnee,
    Other,
}

public enum ExtremistEnvironment
{
    RightWing,
    LeftWing,
    Islamist,
    Unclear,
}

public enum PlaceType
{
    Preschool,
    School,
    YouthCentre,
    SocialServices,
    ElderlyCare,
    CitizenOffice,
    PublicSpace,
    PublicTransport,
    ResidentialArea,
    Online,
    Other,
}

public enum ReportSource
{
    OwnOperation,
    OtherAdministration,
    Police,
    ExternalActor,
    Resident,
    IncidentSystem,
    GraffitiStatistics,
}

public enum ActionTaken
{
    InformedManager,
    ContactedCoordinator,
    PoliceContacted,
    ConcernReportFiled,
    RemovalRequested,
    None,
}

public enum Assessment
{
    Relevant,
    NotRelevant,
    WronglyRegistered,
}

/// <summary>The Swedish labels of the reference lists (DESIGN §8). The codes are fixed and used by the API.</summary>
public static class ReportLabels
{
    public static string Label(this ReportCategory value) => value switch
    {
        ReportCategory.Graffiti => "Klotter/skadegörelse",
        ReportCategory.Stickers => "Klistermärken",
        ReportCategory.Flyers => "Flygblad/affischering",
        ReportCategory.Demonstration => "Demonstration/manifestation",
        ReportCategory.ExpressedViews => "Uttryckta våldsbejakande åsikter",
        ReportCategory.Symbols => "Bär symboler",
        ReportCategory.Threats => "Hot och kränkningar",
        ReportCategory.Violence => "Våld",
        ReportCategory.Recruitment => "Rekrytering",
        ReportCategory.UnlawfulInfluence => "Otillåten påverkan",
        ReportCategory.ConcernForIndividual => "Oro för individ",
        ReportCategory.Returnee => "Återvändare från konfliktområde",
        _ => "Annat",
    };

    public static string Label(this ExtremistEnvironment value) => value switch
    {
        ExtremistEnvironment.RightWing => "Högerextrem / vit makt",
        ExtremistEnvironment.LeftWing => "Vänsterextrem / autonoma",
        ExtremistEnvironment.Islamist => "Islamistisk",
        _ => "Oklar / annan (inkl. ensamagerande)",
    };

    public static string Label(this PlaceType value) => value switch
    {
        PlaceType.Preschool => "Förskola",
        PlaceType.School => "Skola",
        PlaceType.YouthCentre => "Fritidsgård/parklek",
        PlaceType.SocialServices => "Socialtjänst",
        PlaceType.ElderlyCare => "Äldreomsorg",
        PlaceType.CitizenOffice => "Medborgarkontor",
        PlaceType.PublicSpace => "Offentlig plats/park",
        PlaceType.PublicTransport => "Kollektivtrafik",
        PlaceType.ResidentialArea => "Bostadsområde",
        PlaceType.Online => "Digitalt/sociala medier",
        _ => "Annat",
    };

    public static string Label(this ReportSource value) => value switch
    {
        ReportSource.OwnOperation => "Egen verksamhet",
        ReportSource.OtherAdministration => "Annan förvaltning",
        ReportSource.Police => "Polis",
        ReportSource.ExternalActor => "Extern aktör (förening, bostadsbolag, församling/samfund, trafikbolag, räddningstjänst)",
        ReportSource.Resident => "Invånare",
        ReportSource.IncidentSystem => "Incidentsystemet IA",
        _ => "Klotterstatistik",
    };

    public static string Label(this ActionTaken value) => value switch
    {
        ActionTaken.InformedManager => "Informerat chef",
        ActionTaken.ContactedCoordinator => "Kontaktat samordnare",
        ActionTaken.PoliceContacted => "Polis kontaktad",
        ActionTaken.ConcernReportFiled => "Orosanmälan gjord",
        ActionTaken.RemovalRequested => "Sanering begärd",
        _ => "Ingen åtgärd",
    };

    public static string Label(this Assessment value) => value switch
    {
        Assessment.Relevant => "Relevant för VBE",
        Assessment.NotRelevant => "Inte relevant",
        _ => "Felregistrerad",
    };
}
