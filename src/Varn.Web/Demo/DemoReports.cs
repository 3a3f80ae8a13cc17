using Microsoft.EntityFrameworkCore;
using Varn.Core.Data;
using Varn.Core.Privacy;
using Varn.Core.Reports;

namespace Varn.Web.Demo;

/// <summary>
/// Synthetic reports for the demo: made up, generated the same way every time, for Skärholmen, Hässelby-Vällingby and
/// Kungsholmen over 2017–2019. Every one is marked <see cref="DeidentifiedReport.IsSynthetic"/> and shown as made up.
/// Some of 2019's are left unassessed so the coordinators' queue has work in it.
/// </summary>
public static class DemoReports
{
    private static readonly string[] Councils = ["skarholmen", "hasselby-vallingby", "kungsholmen"];

    private static readonly (ReportCategory Category, PlaceType Place, string Text)[] Events =
    [
        (ReportCategory.Graffiti, PlaceType.School, "Klotter med en vit makt-symbol på skolgårdens förråd. Fastighetsskötaren har begärt sanering."),
        (ReportCategory.Graffiti, PlaceType.PublicTransport, "Hakkors målade på en vägg i gångtunneln till tunnelbanan."),
        (ReportCategory.Stickers, PlaceType.PublicSpace, "Klistermärken från en högerextrem organisation på lyktstolpar längs gångvägen."),
        (ReportCategory.Stickers, PlaceType.YouthCentre, "Klistermärken med autonoma budskap vid fritidsgårdens entré."),
        (ReportCategory.Flyers, PlaceType.ResidentialArea, "Flygblad med våldsbejakande budskap i trapphusens brevlådor i ett bostadsområde."),
        (ReportCategory.Flyers, PlaceType.CitizenOffice, "Affischer uppsatta utanför medborgarkontoret under valrörelsen."),
        (ReportCategory.Demonstration, PlaceType.PublicSpace, "En manifestation med ett tjugotal deltagare på torget en lördag."),
        (ReportCategory.ExpressedViews, PlaceType.School, "En elev uttryckte stöd för våld mot meningsmotståndare under en lektion."),
        (ReportCategory.ExpressedViews, PlaceType.Online, "Våldsbejakande inlägg spreds i en chattgrupp som flera ungdomar i området är med i."),
        (ReportCategory.Symbols, PlaceType.YouthCentre, "En besökare bar kläder med symboler kopplade till en vit makt-organisation."),
        (ReportCategory.Threats, PlaceType.SocialServices, "En handläggare fick hotfulla kommentarer med extremistiska inslag efter ett beslut."),
        (ReportCategory.UnlawfulInfluence, PlaceType.CitizenOffice, "Försök att påverka en tjänsteperson att ändra ett beslut om lokaluthyrning."),
        (ReportCategory.ConcernForIndividual, PlaceType.School, "Personalen oroar sig för att en ungdom dras in i en våldsbejakande miljö. Orosanmälan är gjord."),
        (ReportCategory.Recruitment, PlaceType.PublicSpace, "Vuxna har setts försöka värva ungdomar vid centrum med material från en extremistisk grupp."),
        (ReportCategory.Other, PlaceType.Other, "Händelse som rapporterats men som vid närmare kontroll saknar koppling till extremism."),
    ];

    public static async Task<int> EnsureAsync(VarnDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Reports.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var councils = await db.Councils.Where(c => Councils.Contains(c.Short)).ToDictionaryAsync(c => c.Short, c => c.Id, cancellationToken);
        var random = new Random(2019);
        var environments = Enum.GetValues<ExtremistEnvironment>();
        var sources = Enum.GetValues<ReportSource>();
        var count = 0;
        foreach (var council in Councils)
        {
            for (var year = 2017; year <= 2019; year++)
            {
                var reports = 8 + random.Next(8) + (year - 2017) * 2;
                for (var i = 0; i < reports; i++)
                {
                    var (category, place, text) = Events[random.Next(Events.Length)];
                    var occurred = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28));
                    var unassessed = year == 2019 && random.Next(4) == 0;
                    var assessment = category == ReportCategory.Other ? Assessment.NotRelevant : random.Next(10) == 0 ? Assessment.WronglyRegistered : Assessment.Relevant;
                    if (PersonalDataGuard.Find(text).Count > 0)
                    {
                        throw new InvalidOperationException($"Demo report text would be refused by the guard: {text}");
                    }
                    db.Reports.Add(new DeidentifiedReport
                    {
                        CouncilId = councils[council],
                        OccurredOn = occurred,
                        MonthOnly = random.Next(5) == 0,
                        PlaceType = place,
                        Categories = random.Next(4) == 0 && category != ReportCategory.Graffiti ? [category, ReportCategory.Graffiti] : [category],
                        Environment = category == ReportCategory.Other ? ExtremistEnvironment.Unclear : environments[random.Next(environments.Length)],
                        Source = sources[random.Next(sources.Length)],
                        Description = text,
                        ActionsTaken = [ActionTaken.InformedManager, ActionTaken.ContactedCoordinator],
                        SubmittedAt = occurred.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(random.Next(10)),
                        Assessment = unassessed ? null : assessment,
                        AssessedAt = unassessed ? null : occurred.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc).AddDays(14),
                        AssessedBy = unassessed ? null : "Demodata",
                        IsSynthetic = true,
                    });
                    count++;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
