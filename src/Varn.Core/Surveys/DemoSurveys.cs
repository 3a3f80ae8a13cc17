using Varn.Core.Organisation;

namespace Varn.Core.Surveys;

/// <summary>
/// Demo mode's surveys for the seed councils: closed rounds for the last three years and an open one this year, with
/// units and external actors invited and synthetic answers (labelled as made up) given through the real answering
/// path, so that results and the situation picture have real-looking numbers. Nobody holds the demo links; a
/// coordinator makes a new link for an invitation to try answering.
/// </summary>
public static class DemoSurveys
{
    private static readonly string[] Councils = ["skarholmen", "hasselby-vallingby"];

    private static readonly string[] Units = ["Socialtjänsten", "Medborgarkontoret", "Förskola och fritid", "Fritidsgården", "Parkleken", "Äldreomsorgen", "Ekonomiskt bistånd", "Familjeenheten"];

    private static readonly (string Name, ActorKind Kind)[] Actors =
    [
        ("Bostadsbolaget i området", ActorKind.HousingCompany), ("Idrottsföreningen", ActorKind.Association), ("Församlingen", ActorKind.Congregation),
        ("Räddningstjänsten", ActorKind.FireService), ("Trafikbolaget", ActorKind.PublicTransport),
    ];

    public static async Task<int> EnsureAsync(VarnDbContext db, SurveyRounds rounds, SurveyAnswering answering, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.SurveyRounds.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var today = clock.Today();
        var random = new Random(2023);
        var answered = 0;
        foreach (var council in await db.Councils.Where(c => Councils.Contains(c.Short)).OrderBy(c => c.Short).ToListAsync(cancellationToken))
        {
            await EnsureUnitsAsync(db, council, cancellationToken);
            for (var year = today.Year - 3; year <= today.Year; year++)
            {
                var recipients = Units.Select(u => new RecipientInput(u, "unit", null))
                    .Concat(Actors.Select(a => new RecipientInput(a.Name, "external", null, Codes.Of(a.Kind))))
                    .ToList();
                var (round, links, errors) = await rounds.InviteAsync(council, year, today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), recipients, "http://demo", cancellationToken);
                if (round is null)
                {
                    throw new InvalidOperationException($"Demo survey for {council.Short} {year}: {string.Join("; ", errors.Values)}");
                }
                var share = year == today.Year ? 0.5 : 0.75 + random.NextDouble() * 0.2;
                foreach (var link in links.Where(_ => random.NextDouble() < share))
                {
                    var token = link.Url[(link.Url.LastIndexOf('/') + 1)..];
                    await answering.AnswerAsync(token, Answer(random, year - today.Year + 3), synthetic: true, cancellationToken);
                    answered++;
                }
                if (year < today.Year)
                {
                    await db.SurveyRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Closes, new DateOnly(year, 3, 31))
                        .SetProperty(r => r.OpenedAt, new DateTime(year, 3, 1, 8, 0, 0, DateTimeKind.Utc))
                        .SetProperty(r => r.ClosedAt, new DateTime(year, 3, 31, 16, 0, 0, DateTimeKind.Utc)), cancellationToken);
                }
            }
        }
        return answered;
    }

    private static async Task EnsureUnitsAsync(VarnDbContext db, Council council, CancellationToken cancellationToken)
    {
        var existing = await db.Units.Where(u => u.CouncilId == council.Id).Select(u => u.Name).ToListAsync(cancellationToken);
        db.Units.AddRange(Units.Where(u => !existing.Contains(u)).Select(u => new Unit { CouncilId = council.Id, Name = u }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A made-up answer; <paramref name="trend"/> (0–3) makes later years see a little more.</summary>
    private static SurveyResponse Answer(Random random, int trend)
    {
        string YesNo(double yes) => random.NextDouble() < yes ? "yes" : random.NextDouble() < 0.85 ? "no" : "dontKnow";
        var seen = YesNo(0.15 + 0.05 * trend);
        var observed = seen == "yes"
            ? SurveyQuestions.Observations.Where(o => o != "none" && random.NextDouble() < 0.3).DefaultIfEmpty("graffiti").ToList()
            : ["none"];
        var environments = seen == "yes" ? SurveyQuestions.Environments.Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty("rightWing").ToList() : [];
        var choices = new Dictionary<string, string>
        {
            ["seenExpressions"] = seen,
            ["worksPreventively"] = YesNo(0.6),
            ["activelyDetects"] = YesNo(0.4),
            ["exitSupport"] = YesNo(0.1),
            ["supportsRelatives"] = YesNo(0.25),
            ["sufficientKnowledge"] = YesNo(0.35 + 0.08 * trend),
            ["unlawfulInfluence"] = YesNo(0.08),
        };
        var several = new Dictionary<string, IReadOnlyList<string>> { ["observed"] = observed };
        if (environments.Count > 0)
        {
            several["observedEnvironments"] = environments;
        }
        var relatives = random.NextDouble() < 0.2 ? new Dictionary<string, int> { [SurveyQuestions.Environments[random.Next(4)]] = 1 + random.Next(2) } : [];
        return new SurveyResponse(choices, several, relatives, random.NextDouble() < 0.3 ? Comment(random) : null);
    }

    private static string Comment(Random random) => random.Next(4) switch
    {
        0 => "Påhittat demosvar: vi skulle behöva mer utbildning om hur vi upptäcker tecken på radikalisering.",
        1 => "Påhittat demosvar: klotter syns ibland vid entrén men tas bort snabbt.",
        2 => "Påhittat demosvar: det är oklart vart vi ska vända oss när vi ser klistermärken.",
        _ => "Påhittat demosvar: inga särskilda iakttagelser under året.",
    };
}
