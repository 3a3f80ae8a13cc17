using Varn.Core.Privacy;

namespace Varn.Core.Reports;

/// <summary>
/// Synthetic reports for the demo: made up, and marked <see cref="DeidentifiedReport.IsSynthetic"/> so that every page
/// shows them as such. They cover Skärholmen, Hässelby-Vällingby and Kungsholmen over the last seven years up to this
/// month, dated from the clock, so the demo never ages out of its own retention rule: the old ones are purged and
/// leave their counts, the recent ones stay. The last two months' reports, and at least two per council, are left
/// unassessed so the queue has work.
/// </summary>
public static class DemoReports
{
    public const int Years = 7;

    private static readonly string[] Councils = ["skarholmen", "hasselby-vallingby", "kungsholmen"];

    private static readonly ReportSource[] Sources =
        [ReportSource.OwnOperation, ReportSource.OwnOperation, ReportSource.OtherAdministration, ReportSource.Police, ReportSource.ExternalActor, ReportSource.Resident];

    private sealed record Event(ExtremistEnvironment Environment, ReportCategory[] Categories, PlaceType Place, string Text);

    // Each text fits its environment and categories: a swastika is right-wing, a call to join IS is Islamist.
    private static readonly Event[] Events =
    [
        new(ExtremistEnvironment.RightWing, [ReportCategory.Graffiti], PlaceType.School, "Hakkors målade på skolgårdens förråd. Fastighetsskötaren har begärt sanering."),
        new(ExtremistEnvironment.RightWing, [ReportCategory.Graffiti, ReportCategory.Symbols], PlaceType.PublicTransport, "Vit makt-symboler och siffran 88 klottrade i gångtunneln till tunnelbanan."),
        new(ExtremistEnvironment.RightWing, [ReportCategory.Stickers], PlaceType.PublicSpace, "Klistermärken från en nazistisk organisation på lyktstolpar längs gångvägen."),
        new(ExtremistEnvironment.RightWing, [ReportCategory.Flyers], PlaceType.ResidentialArea, "Flygblad från en vit makt-organisation i trapphusens brevlådor i ett bostadsområde."),
        new(ExtremistEnvironment.RightWing, [ReportCategory.Demonstration], PlaceType.PublicSpace, "En nazistisk organisation höll en manifestation med ett tjugotal deltagare på torget en lördag."),
        new(ExtremistEnvironment.RightWing, [ReportCategory.Symbols], PlaceType.YouthCentre, "En besökare bar kläder med symboler kopplade till en vit makt-organisation."),
        new(ExtremistEnvironment.RightWing, [ReportCategory.Recruitment, ReportCategory.Flyers], PlaceType.School, "Vuxna delade ut material från en nazistisk organisation till elever utanför skolan."),
        new(ExtremistEnvironment.LeftWing, [ReportCategory.Graffiti], PlaceType.CitizenOffice, "Klotter med autonoma budskap som uppmanar till våld mot polisen på medborgarkontorets fasad."),
        new(ExtremistEnvironment.LeftWing, [ReportCategory.Stickers], PlaceType.YouthCentre, "Klistermärken från en autonom grupp med uppmaning till våld vid fritidsgårdens entré."),
        new(ExtremistEnvironment.LeftWing, [ReportCategory.Threats, ReportCategory.UnlawfulInfluence], PlaceType.CitizenOffice, "En förtroendevald fick hot från en autonom grupp inför ett beslut om lokaluthyrning."),
        new(ExtremistEnvironment.LeftWing, [ReportCategory.Demonstration], PlaceType.PublicSpace, "En demonstration från en autonom grupp slutade i skadegörelse mot butiker vid centrum."),
        new(ExtremistEnvironment.Islamist, [ReportCategory.ExpressedViews], PlaceType.School, "En elev uttryckte stöd för IS och för våld mot otrogna under en lektion."),
        new(ExtremistEnvironment.Islamist, [ReportCategory.ExpressedViews], PlaceType.Online, "Propaganda från en våldsbejakande islamistisk grupp spreds i en chattgrupp som flera ungdomar i området är med i."),
        new(ExtremistEnvironment.Islamist, [ReportCategory.Recruitment], PlaceType.PublicSpace, "Vuxna har setts försöka värva ungdomar vid centrum till en våldsbejakande islamistisk miljö."),
        new(ExtremistEnvironment.Islamist, [ReportCategory.Returnee, ReportCategory.ConcernForIndividual], PlaceType.SocialServices, "En familj har återvänt från ett konfliktområde. Socialtjänsten följer vägledningen för återvändare."),
        new(ExtremistEnvironment.Islamist, [ReportCategory.UnlawfulInfluence], PlaceType.SocialServices, "En handläggare utsattes för påtryckningar med islamistiska förtecken för att ändra ett beslut."),
        new(ExtremistEnvironment.Unclear, [ReportCategory.ConcernForIndividual], PlaceType.School, "Personalen oroar sig för en ungdom som fascineras av massmord och söker sig till våldsbejakande forum. Orosanmälan är gjord."),
        new(ExtremistEnvironment.Unclear, [ReportCategory.Threats], PlaceType.SocialServices, "En handläggare fick hotfulla kommentarer efter ett beslut; motivet är oklart."),
        new(ExtremistEnvironment.Unclear, [ReportCategory.Other], PlaceType.Other, "Händelse som rapporterats men som vid närmare kontroll saknar koppling till extremism."),
    ];

    public static async Task<int> EnsureAsync(VarnDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Reports.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var councils = await db.Councils.Where(c => Councils.Contains(c.Short)).ToDictionaryAsync(c => c.Short, c => c.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var random = new Random(2019);
        var reports = new List<DeidentifiedReport>();
        foreach (var council in Councils.Where(councils.ContainsKey))
        {
            for (var year = today.Year - Years + 1; year <= today.Year; year++)
            {
                var count = 8 + random.Next(8) + (year - today.Year + Years);
                for (var i = 0; i < count; i++)
                {
                    var occurred = RandomDay(random, year, today);
                    reports.Add(Make(councils[council], Events[random.Next(Events.Length)], occurred, random, today, now));
                }
            }
        }
        // Every council's two latest reports wait in its queue, whenever they happened.
        foreach (var latest in reports.GroupBy(r => r.CouncilId).SelectMany(g => g.OrderByDescending(r => r.OccurredOn).Take(2)))
        {
            latest.Assessment = null;
            latest.AssessedAt = null;
            latest.AssessedBy = null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync(cancellationToken);
        await ReportTallies.ApplyAsync(db, reports.Where(r => r.Assessment is not null).Select(r => new TallyChange(r, r.Assessment!.Value, +1)).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reports.Count;
    }

    private static DateOnly RandomDay(Random random, int year, DateOnly today)
    {
        var lastDay = year == today.Year ? today.DayOfYear : DateTime.IsLeapYear(year) ? 366 : 365;
        return new DateOnly(year, 1, 1).AddDays(random.Next(lastDay));
    }

    private static DeidentifiedReport Make(int councilId, Event e, DateOnly occurred, Random random, DateOnly today, DateTime now)
    {
        if (PersonalDataGuard.Find(e.Text).Count > 0)
        {
            throw new InvalidOperationException($"Demo report text would be refused by the guard: {e.Text}");
        }
        var monthOnly = random.Next(5) == 0;
        if (monthOnly)
        {
            occurred = new DateOnly(occurred.Year, occurred.Month, 1);
        }
        var submitted = occurred.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(random.Next(10));
        if (submitted > now)
        {
            submitted = now;
        }
        // Reports from the last two months wait in the queue; the rest were assessed two weeks after they came in.
        var unassessed = today.DayNumber - occurred.DayNumber < 60;
        var assessment = e.Categories.Contains(ReportCategory.Other) ? Assessment.NotRelevant : random.Next(12) == 0 ? Assessment.WronglyRegistered : Assessment.Relevant;
        var assessedAt = submitted.AddDays(14);
        var report = new DeidentifiedReport
        {
            CouncilId = councilId,
            OccurredOn = occurred,
            MonthOnly = monthOnly,
            PlaceType = e.Place,
            Environment = e.Environment,
            Source = Sources[random.Next(Sources.Length)],
            Description = e.Text,
            SubmittedAt = submitted,
            Assessment = unassessed ? null : assessment,
            AssessedAt = unassessed ? null : assessedAt > now ? now : assessedAt,
            AssessedBy = unassessed ? null : "Demodata",
            IsSynthetic = true,
        };
        report.SetCategories(e.Categories);
        report.SetActionsTaken(e.Categories.Contains(ReportCategory.Graffiti) || e.Categories.Contains(ReportCategory.Stickers)
            ? [ActionTaken.InformedManager, ActionTaken.RemovalRequested]
            : [ActionTaken.InformedManager, ActionTaken.ContactedCoordinator]);
        return report;
    }
}
