using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varn.Core.Accounts;
using Varn.Core.Plans;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Accounts;

/// <summary>
/// Every page handler and endpoint the app maps, checked for every role against a plan of the person's own council
/// and of another council, and anonymously. A route missing from the matrix fails the test: access is decided on
/// purpose, never by default.
/// </summary>
public class AccessMatrixTests : IAsyncLifetime
{
    private enum Who
    {
        Anonymous,
        Admin,
        Central,
        Coordinator,
        UnitManager,
        Employee,
        Reader,
        Police,
    }

    private enum Rule
    {
        Anyone,
        CompetenceOwn,
        SignedIn,
        PlanCoordinators,
        DraftReaders,
        PlanEditors,
        FollowUp,
        Central,
        AdminOrCentral,
        Admin,
        Triagers,
        TriageOwn,
        CouncilCoordinators,
        PictureAny,
        PictureOwn,
        PoliceOwn,
    }

    /// <summary>Method, route pattern and page handler → who may pass. Targets are Skärholmen's (own) and Kungsholmen's (other) drafts.</summary>
    private static readonly Dictionary<string, Rule> Matrix = new()
    {
        ["GET /"] = Rule.SignedIn, ["GET /Index"] = Rule.SignedIn,
        ["GET /fel/{code:int?}"] = Rule.Anyone, ["POST /fel/{code:int?}"] = Rule.Anyone, ["PUT /fel/{code:int?}"] = Rule.Anyone, ["DELETE /fel/{code:int?}"] = Rule.Anyone,
        ["GET /sprak"] = Rule.Anyone, ["POST /sprak"] = Rule.Anyone,
        ["GET /logga-in"] = Rule.Anyone, ["POST /logga-in"] = Rule.Anyone, ["POST /logga-in?handler=Oidc"] = Rule.Anyone, ["GET /logga-in/extern"] = Rule.Anyone,
        ["GET /logga-in/tvastegs"] = Rule.Anyone, ["POST /logga-in/tvastegs"] = Rule.Anyone, ["POST /logga-in/tvastegs?handler=Recovery"] = Rule.Anyone,
        ["GET /lagesbild"] = Rule.SignedIn,
        ["GET /lagesbild/kallor"] = Rule.Central, ["POST /lagesbild/kallor"] = Rule.Central, ["POST /lagesbild/kallor?handler=Remove"] = Rule.Central,
        ["GET /lagesbild/{council}/{year:int}"] = Rule.PictureOwn,
        ["GET /lagesbild/{council}/{year:int}?handler=Word"] = Rule.PictureOwn, ["GET /lagesbild/{council}/{year:int}?handler=Csv"] = Rule.PictureOwn,
        ["GET /lagesbild/{council}/{year:int}?handler=Xlsx"] = Rule.PictureOwn, ["POST /lagesbild/{council}/{year:int}"] = Rule.CouncilCoordinators,
        ["POST /lagesbild/{council}/{year:int}?handler=Use"] = Rule.CouncilCoordinators,
        ["GET /lagesbild/{council}/{year:int}/underlag"] = Rule.PoliceOwn, ["POST /lagesbild/{council}/{year:int}/underlag?handler=Police"] = Rule.PoliceOwn,
        ["POST /lagesbild/{council}/{year:int}/underlag?handler=Sources"] = Rule.CouncilCoordinators,
        ["POST /lagesbild/{council}/{year:int}/underlag?handler=Import"] = Rule.CouncilCoordinators,
        ["GET /api/v1/situation/{council}/{year:int}"] = Rule.PictureOwn,
        ["GET /konto/tvastegsverifiering"] = Rule.SignedIn, ["POST /konto/tvastegsverifiering"] = Rule.SignedIn,
        ["POST /konto/tvastegsverifiering?handler=RecoveryCodes"] = Rule.SignedIn, ["POST /konto/tvastegsverifiering?handler=Disable"] = Rule.SignedIn,
        ["GET /logga-ut"] = Rule.SignedIn, ["POST /logga-ut"] = Rule.SignedIn,
        ["GET /konto"] = Rule.SignedIn, ["POST /konto?handler=Token"] = Rule.SignedIn, ["POST /konto?handler=RevokeToken"] = Rule.SignedIn, ["POST /konto?handler=Password"] = Rule.SignedIn,
        ["GET /offentligt"] = Rule.Anyone, ["GET /offentligt/{council}/{year:int}"] = Rule.Anyone, ["GET /offentligt/{council}/{year:int}?handler=Word"] = Rule.Anyone,
        ["GET /planer"] = Rule.SignedIn,
        ["GET /planer/ny"] = Rule.PlanCoordinators, ["POST /planer/ny"] = Rule.PlanCoordinators,
        ["GET /planer/importera"] = Rule.PlanCoordinators, ["POST /planer/importera?handler=Preview"] = Rule.PlanCoordinators, ["POST /planer/importera?handler=Save"] = Rule.PlanCoordinators,
        ["GET /planer/importera-word"] = Rule.PlanCoordinators, ["POST /planer/importera-word?handler=Preview"] = Rule.PlanCoordinators, ["POST /planer/importera-word?handler=Save"] = Rule.PlanCoordinators,
        ["GET /planer/{council}/{year:int}"] = Rule.DraftReaders, ["GET /planer/{council}/{year:int}?handler=Json"] = Rule.DraftReaders,
        ["GET /planer/{council}/{year:int}?handler=Word"] = Rule.DraftReaders,
        ["GET /planer/{council}/{year:int}/utskrift"] = Rule.DraftReaders, ["GET /planer/{council}/{year:int}/jamforelse"] = Rule.DraftReaders,
        ["POST /planer/{council}/{year:int}?handler=Move"] = Rule.PlanEditors, ["POST /planer/{council}/{year:int}?handler=Revise"] = Rule.PlanEditors,
        ["GET /planer/{council}/{year:int}/uppgifter"] = Rule.PlanEditors, ["POST /planer/{council}/{year:int}/uppgifter"] = Rule.PlanEditors,
        ["GET /planer/{council}/{year:int}/steg"] = Rule.PlanEditors, ["POST /planer/{council}/{year:int}/steg"] = Rule.PlanEditors,
        ["GET /planer/{council}/{year:int}/avsnitt/{key}"] = Rule.PlanEditors, ["POST /planer/{council}/{year:int}/avsnitt/{key}"] = Rule.PlanEditors,
        ["GET /planer/{council}/{year:int}/aktiviteter/ny"] = Rule.PlanEditors, ["POST /planer/{council}/{year:int}/aktiviteter/ny"] = Rule.PlanEditors,
        ["GET /planer/{council}/{year:int}/aktiviteter/{id:int}"] = Rule.FollowUp, ["POST /planer/{council}/{year:int}/aktiviteter/{id:int}"] = Rule.FollowUp,
        ["GET /planer/{council}/{year:int}/aktiviteter/{id:int}/ta-bort"] = Rule.PlanEditors, ["POST /planer/{council}/{year:int}/aktiviteter/{id:int}/ta-bort"] = Rule.PlanEditors,
        ["GET /mall"] = Rule.Central, ["GET /mall/{key}"] = Rule.Central, ["POST /mall/{key}"] = Rule.Central,
        ["GET /organisation"] = Rule.AdminOrCentral,
        ["GET /organisation/{council?}"] = Rule.AdminOrCentral, ["POST /organisation/{council?}"] = Rule.AdminOrCentral,
        ["POST /organisation/{council?}?handler=AddUnit"] = Rule.AdminOrCentral, ["POST /organisation/{council?}?handler=RemoveUnit"] = Rule.AdminOrCentral,
        ["GET /admin/konton"] = Rule.Admin, ["GET /admin/konton/nytt"] = Rule.Admin, ["POST /admin/konton/nytt"] = Rule.Admin,
        ["GET /admin/konton/{id}"] = Rule.Admin, ["POST /admin/konton/{id}?handler=Grant"] = Rule.Admin, ["POST /admin/konton/{id}?handler=Revoke"] = Rule.Admin,
        ["POST /admin/konton/{id}?handler=Unlock"] = Rule.Admin, ["POST /admin/konton/{id}?handler=Password"] = Rule.Admin, ["POST /admin/konton/{id}?handler=RevokeToken"] = Rule.Admin,
        ["POST /admin/konton/{id}?handler=ResetTwoFactor"] = Rule.Admin,
        ["GET /admin/logg"] = Rule.AdminOrCentral, ["POST /admin/logg?handler=Verify"] = Rule.AdminOrCentral,
        ["GET /api/v1/plans/"] = Rule.SignedIn, ["POST /api/v1/plans/"] = Rule.SignedIn,
        ["GET /api/v1/plans/{council}/{year:int}"] = Rule.DraftReaders, ["GET /api/v1/plans/{council}/{year:int}/word"] = Rule.DraftReaders,
        ["GET /healthz"] = Rule.Anyone, ["GET /openapi/{documentName}.json"] = Rule.Anyone,
        ["GET /rapportera"] = Rule.SignedIn, ["POST /rapportera"] = Rule.SignedIn,
        ["GET /rapporter"] = Rule.Triagers, ["GET /rapporter?handler=Csv"] = Rule.Triagers, ["POST /rapporter?handler=Assess"] = Rule.Triagers,
        ["GET /rapporter/{id:int}"] = Rule.TriageOwn, ["POST /rapporter/{id:int}?handler=Assess"] = Rule.TriageOwn, ["POST /rapporter/{id:int}?handler=Close"] = Rule.TriageOwn,
        ["GET /rutin"] = Rule.SignedIn, ["GET /rutin?handler=File"] = Rule.SignedIn, ["POST /rutin?handler=Remove"] = Rule.Central,
        ["GET /rutin/andra"] = Rule.Central, ["POST /rutin/andra"] = Rule.Central,
        ["GET /kunskapsbank/ny"] = Rule.Central, ["POST /kunskapsbank/ny"] = Rule.Central,
        ["GET /offentligt/rutin"] = Rule.Anyone,
        ["POST /api/v1/reports/"] = Rule.SignedIn, ["GET /api/v1/reports/"] = Rule.SignedIn,
        ["GET /api/v1/reports/{id:int}"] = Rule.TriageOwn, ["POST /api/v1/reports/{id:int}/assessment"] = Rule.TriageOwn,
        ["GET /enkater"] = Rule.PictureAny, ["POST /enkater"] = Rule.PictureAny,
        ["GET /enkater/mall/{year:int?}"] = Rule.Central, ["POST /enkater/mall/{year:int?}"] = Rule.Central,
        ["GET /enkater/{council}/{year:int}"] = Rule.CouncilCoordinators, ["POST /enkater/{council}/{year:int}?handler=Invite"] = Rule.CouncilCoordinators,
        ["POST /enkater/{council}/{year:int}?handler=Link"] = Rule.CouncilCoordinators, ["POST /enkater/{council}/{year:int}?handler=Remind"] = Rule.CouncilCoordinators,
        ["GET /enkater/{council}/{year:int}/stang"] = Rule.CouncilCoordinators, ["POST /enkater/{council}/{year:int}/stang"] = Rule.CouncilCoordinators,
        ["GET /enkater/{council}/{year:int}/resultat"] = Rule.PictureOwn, ["GET /enkater/{council}/{year:int}/resultat?handler=Csv"] = Rule.PictureOwn,
        ["GET /enkater/{council}/{year:int}/resultat?handler=Xlsx"] = Rule.PictureOwn,
        ["GET /enkat/{token}"] = Rule.Anyone, ["POST /enkat/{token}?handler=Review"] = Rule.Anyone,
        ["POST /enkat/{token}?handler=Edit"] = Rule.Anyone, ["POST /enkat/{token}?handler=Submit"] = Rule.Anyone,
        ["GET /admin/utkorg"] = Rule.Admin,
        ["POST /api/v1/surveys/answers"] = Rule.Anyone,
        ["POST /api/v1/surveys/{council}/{year:int}/"] = Rule.CouncilCoordinators, ["GET /api/v1/surveys/{council}/{year:int}/"] = Rule.CouncilCoordinators,
        ["POST /api/v1/surveys/{council}/{year:int}/close"] = Rule.CouncilCoordinators, ["GET /api/v1/surveys/{council}/{year:int}/results"] = Rule.PictureOwn,
        ["GET /bidrag"] = Rule.PictureOwn, ["GET /bidrag?handler=Csv"] = Rule.PictureOwn,
        ["GET /bidrag/ny"] = Rule.CouncilCoordinators, ["POST /bidrag/ny"] = Rule.CouncilCoordinators,
        ["GET /bidrag/{id:int}"] = Rule.PictureOwn, ["POST /bidrag/{id:int}?handler=Check"] = Rule.CouncilCoordinators,
        ["POST /bidrag/{id:int}?handler=Decide"] = Rule.CouncilCoordinators, ["POST /bidrag/{id:int}?handler=Account"] = Rule.CouncilCoordinators,
        ["POST /bidrag/{id:int}?handler=Reclaim"] = Rule.CouncilCoordinators,
        ["GET /forum"] = Rule.PictureOwn, ["POST /forum"] = Rule.CouncilCoordinators,
        ["GET /forum/{id:int}"] = Rule.PictureOwn, ["POST /forum/{id:int}?handler=Meeting"] = Rule.CouncilCoordinators,
        ["POST /forum/{id:int}?handler=Edit"] = Rule.CouncilCoordinators,
        ["GET /kompetens"] = Rule.PictureOwn, ["POST /kompetens?handler=Save"] = Rule.CompetenceOwn,
        ["POST /kompetens?handler=Import"] = Rule.CouncilCoordinators, ["POST /kompetens?handler=Confirm"] = Rule.CouncilCoordinators,
        ["POST /kompetens?handler=Event"] = Rule.CouncilCoordinators,
        ["GET /kompetens/kurser"] = Rule.Central, ["POST /kompetens/kurser"] = Rule.Central,
        ["POST /api/v1/grants/"] = Rule.SignedIn, ["GET /api/v1/grants/"] = Rule.SignedIn, ["GET /api/v1/grants/{id:int}"] = Rule.PictureOwn,
        ["POST /api/v1/grants/{id:int}/decision"] = Rule.CouncilCoordinators, ["POST /api/v1/grants/{id:int}/reclaim"] = Rule.CouncilCoordinators,
        ["POST /api/v1/forums/"] = Rule.SignedIn, ["GET /api/v1/forums/"] = Rule.SignedIn, ["GET /api/v1/forums/{id:int}"] = Rule.PictureOwn,
        ["POST /api/v1/forums/{id:int}/meetings"] = Rule.CouncilCoordinators,
        ["GET /api/v1/competence/{council}/{year:int}/"] = Rule.PictureOwn, ["PUT /api/v1/competence/{council}/{year:int}/"] = Rule.CompetenceOwn,
        ["GET /planer/{council}/{year:int}/uppfoljning"] = Rule.DraftReaders, ["POST /planer/{council}/{year:int}/uppfoljning?handler=Open"] = Rule.PlanEditors,
        ["GET /planer/{council}/{year:int}/uppfoljning/{round}"] = Rule.DraftReaders, ["GET /planer/{council}/{year:int}/uppfoljning/{round}?handler=File"] = Rule.DraftReaders,
        ["POST /planer/{council}/{year:int}/uppfoljning/{round}?handler=Save"] = Rule.FollowUp, ["POST /planer/{council}/{year:int}/uppfoljning/{round}?handler=Submit"] = Rule.PlanEditors,
        ["POST /planer/{council}/{year:int}/uppfoljning/{round}?handler=Import"] = Rule.FollowUp, ["POST /planer/{council}/{year:int}/uppfoljning/{round}?handler=Confirm"] = Rule.FollowUp,
        ["GET /planer/{council}/{year:int}/indikatorer"] = Rule.DraftReaders,
        ["GET /planer/{council}/{year:int}/indikatorer/{key}"] = Rule.PlanEditors, ["POST /planer/{council}/{year:int}/indikatorer/{key}"] = Rule.PlanEditors,
        ["POST /planer/{council}/{year:int}/indikatorer/{key}?handler=Remove"] = Rule.PlanEditors,
        ["GET /uppfoljning/datum"] = Rule.Central, ["POST /uppfoljning/datum"] = Rule.Central,
        ["POST /api/v1/plans/{council}/{year:int}/followup"] = Rule.PlanEditors, ["GET /api/v1/plans/{council}/{year:int}/followup/{round}"] = Rule.DraftReaders,
        ["GET /api/v1/plans/{council}/{year:int}/followup/{round}.{format}"] = Rule.DraftReaders, ["PUT /api/v1/plans/{council}/{year:int}/followup/{round}"] = Rule.FollowUp,
        ["POST /api/v1/plans/{council}/{year:int}/followup/{round}/submit"] = Rule.PlanEditors, ["POST /api/v1/plans/{council}/{year:int}/followup/{round}/import"] = Rule.FollowUp,
        ["GET /api/v1/plans/{council}/{year:int}/indicators"] = Rule.DraftReaders,
        ["GET /oversikt"] = Rule.Central, ["GET /oversikt?handler=Csv"] = Rule.Central, ["GET /oversikt?handler=Xlsx"] = Rule.Central,
        ["GET /oversikt?handler=Docx"] = Rule.Central,
        ["GET /api/v1/overview/{year:int}"] = Rule.Central, ["GET /api/v1/me/work"] = Rule.SignedIn,
    };

    private static readonly Dictionary<Who, string> Emails = new()
    {
        [Who.Admin] = TestAccounts.Admin,
        [Who.Central] = TestAccounts.Central,
        [Who.Coordinator] = TestAccounts.SkarholmenCoordinator,
        [Who.UnitManager] = TestAccounts.SkarholmenUnitManager,
        [Who.Employee] = TestAccounts.SkarholmenEmployee,
        [Who.Reader] = TestAccounts.SkarholmenReader,
        [Who.Police] = TestAccounts.SkarholmenPolice,
    };

    private readonly VarnFactory app = new();

    private string SurveyYear => (app.Clock.Today().Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly Dictionary<(string Council, string Param), string> targets = new();
    private readonly Dictionary<Who, HttpClient> browsers = new();
    private readonly Dictionary<Who, HttpClient> apis = new();

    public async Task InitializeAsync()
    {
        // A draft for the person's own council (Skärholmen) and another's (Kungsholmen), each with one activity;
        // Skärholmen's belongs to the unit the demo unit manager runs.
        foreach (var council in new[] { "skarholmen", "kungsholmen" })
        {
            var central = await app.SignedInAsync(TestAccounts.Central);
            var page = await central.GetPageAsync("/planer/ny");
            await central.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Council"] = council, ["Input.Year"] = "2030" });
            var activity = await central.GetPageAsync($"/planer/{council}/2030/aktiviteter/ny?omrade=prevention");
            var unit = council == "skarholmen"
                ? (await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Council!.Short == "skarholmen" && u.Name == "Socialtjänsten"))).Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "";
            var created = await central.SubmitAsync(activity.Form(), new Dictionary<string, string> { ["Input.Text"] = "Matrisens aktivitet", ["Input.ResponsibleUnitId"] = unit });
            targets[(council, "id")] = created.Location().Split("#aktivitet-")[1];
        }
        foreach (var council in new[] { "skarholmen", "kungsholmen" })
        {
            targets[(council, "report")] = (await app.WithDbAsync(db => db.Reports.Where(r => r.Council!.Short == council).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var file = new Core.Routine.KnowledgeItem { Title = "Vägledning", FileName = "vagledning.pdf", ContentType = "application/pdf", Content = "%PDF-1.4"u8.ToArray() };
        await app.WithDbAsync(async db =>
        {
            file.MunicipalityId = await db.Municipalities.Select(m => m.Id).FirstAsync();
            db.KnowledgeItems.Add(file);
            await db.SaveChangesAsync();
        });
        targets[("skarholmen", "file")] = targets[("kungsholmen", "file")] = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var council in new[] { "skarholmen", "kungsholmen" })
        {
            targets[(council, "grant")] = (await app.WithDbAsync(db => db.GrantApplications.Where(a => a.Council!.Short == council).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            targets[(council, "forum")] = (await app.WithDbAsync(db => db.Forums.Where(f => f.Council!.Short == council).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync()))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Skärholmen has last year's closed demo round; Kungsholmen gets one.
        await app.WithServicesAsync(async services =>
        {
            var kungsholmen = await services.GetRequiredService<VarnDbContext>().Councils.SingleAsync(c => c.Short == "kungsholmen");
            var (round, _, errors) = await services.GetRequiredService<Varn.Core.Surveys.SurveyRounds>().InviteAsync(
                kungsholmen, int.Parse(SurveyYear), app.Clock.Today().AddDays(1).ToString("yyyy-MM-dd"), [new("Föreningen Prov", "external", null)], "http://localhost");
            Assert.True(round is not null, string.Join(" ", errors.Values));
            await services.GetRequiredService<Varn.Core.Surveys.SurveyRounds>().CloseAsync(round!);
            return 0;
        });

        // Each draft has its first follow-up round open.
        await app.WithServicesAsync(async services =>
        {
            services.GetRequiredService<Access>().ActAsOperator("matrisen");
            foreach (var plan in await services.GetRequiredService<VarnDbContext>().Plans.Include(p => p.Council).Where(p => p.Year == 2030).ToListAsync())
            {
                var (round, refusal, _) = await services.GetRequiredService<Varn.Core.FollowUp.FollowUpRounds>().OpenAsync(plan, Varn.Core.FollowUp.RoundKind.T1, "matrisen");
                Assert.True(round is not null, refusal);
            }
            return 0;
        });

        // A version the empty forms of the matrix never match, so that no POST changes or deletes the targets.
        await app.WithDbAsync(db => db.Activities.Where(a => a.Plan!.Year == 2030).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, 99)));
        await app.WithDbAsync(db => db.Reports.ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, 99)));
        await app.CreateAccountAsync("matris.mal@stad.example", Role.Employee, "kungsholmen");
        var target = await app.WithServicesAsync(s => s.GetRequiredService<UserManager<VarnUser>>().FindByEmailAsync("matris.mal@stad.example"));
        targets[("skarholmen", "account")] = targets[("kungsholmen", "account")] = target!.Id;

        foreach (var (who, email) in Emails)
        {
            browsers[who] = await app.SignedInAsync(email);
            apis[who] = await app.ApiClientAsync(email);
        }
        browsers[Who.Anonymous] = app.Browser();
        apis[Who.Anonymous] = app.CreateClient();
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryRoute_IsInTheMatrix_AndAllowsExactlyWhoItShould()
    {
        var routes = await MappedRoutes.ListAsync(app);

        var missing = routes.Where(r => !Matrix.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Routes without a decided access rule:\n" + string.Join("\n", missing));
        var stale = Matrix.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Matrix entries for routes that no longer exist:\n" + string.Join("\n", stale));

        var wrong = new List<string>();
        foreach (var route in routes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                foreach (var council in new[] { "skarholmen", "kungsholmen" })
                {
                    var expected = Allows(Matrix[route], who, own: council == "skarholmen");
                    var (status, location) = await RequestAsync(route, who, council);
                    var allowed = Matrix[route] == Rule.Anyone ? !Challenged(status, location) : IsAllowed(status, location);
                    if (allowed != expected)
                    {
                        wrong.Add($"{route} as {who} on {council}: {(int)status} {location} (expected {(expected ? "allowed" : "denied")})");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} unexpected answers:\n" + string.Join("\n", wrong));
    }

    private static bool Allows(Rule rule, Who who, bool own) => rule switch
    {
        Rule.Anyone => true,
        Rule.SignedIn => who != Who.Anonymous,
        Rule.PlanCoordinators => who is Who.Central or Who.Coordinator,
        Rule.DraftReaders => who == Who.Central || (own && who is Who.Coordinator or Who.UnitManager or Who.Employee or Who.Reader or Who.Police),
        Rule.PlanEditors => who == Who.Central || (own && who == Who.Coordinator),
        Rule.FollowUp => who == Who.Central || (own && who is Who.Coordinator or Who.UnitManager),
        Rule.Central => who == Who.Central,
        Rule.AdminOrCentral => who is Who.Admin or Who.Central,
        Rule.Admin => who == Who.Admin,
        Rule.Triagers => who is Who.Central or Who.Coordinator,
        Rule.TriageOwn or Rule.CouncilCoordinators => who == Who.Central || (own && who == Who.Coordinator),
        Rule.PictureAny => who is Who.Central or Who.Coordinator or Who.Reader or Who.Police or Who.UnitManager,
        Rule.PictureOwn => who == Who.Central || (own && who is Who.Coordinator or Who.Reader or Who.Police or Who.UnitManager),
        Rule.CompetenceOwn => who == Who.Central || (own && who is Who.Coordinator or Who.UnitManager),
        Rule.PoliceOwn => who == Who.Central || (own && who is Who.Coordinator or Who.Police),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    // The error page answers with the status it explains: for open routes the question is only whether sign-in stood in the way.
    private static bool Challenged(HttpStatusCode status, string? location) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (location?.Contains("/logga-in?returnUrl=", StringComparison.Ordinal) ?? false);

    // Through to the handler: a page, a redirect after success, a refused form (400, 422) or a conflict (409).
    // Not through: 401, 403, 404 (another council's draft is not found) or the challenge's redirect to sign in.
    private static bool IsAllowed(HttpStatusCode status, string? location) => status switch
    {
        HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity => true,
        HttpStatusCode.Redirect or HttpStatusCode.Found => location is not null && !location.Contains("/logga-in?returnUrl=", StringComparison.Ordinal),
        _ => false,
    };

    private async Task<(HttpStatusCode Status, string? Location)> RequestAsync(string route, Who who, string council)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var method = route[..space];
        var url = Fill(route[(space + 1)..], council);
        if (url.EndsWith("?handler=File", StringComparison.Ordinal))
        {
            url += url.Contains("/uppfoljning/", StringComparison.Ordinal) ? "&format=csv" : "&id=" + targets[(council, "file")];
        }
        var isApi = url.StartsWith("/api/", StringComparison.Ordinal);
        var client = isApi ? apis[who] : browsers[who];

        if (route.Contains("/logga-ut", StringComparison.Ordinal) && method == "POST" && who != Who.Anonymous)
        {
            client = await app.SignedInAsync(Emails[who]);
        }
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET")
        {
            request.Content = isApi
                ? new StringContent("", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client, who) });
        }
        var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private static async Task<string> TokenAsync(HttpClient client, Who who) =>
        (await client.GetPageAsync(who == Who.Anonymous ? "/logga-in" : "/konto")).AntiforgeryToken();

    private static readonly string[] RegisterPages = ["/bidrag", "/bidrag/ny", "/forum", "/kompetens"];

    private string Fill(string pattern, string council)
    {
        var publicPlan = council == "skarholmen" ? ("skarholmen", "2019") : ("hasselby-vallingby", "2017");
        if (pattern.StartsWith("/enkat", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/surveys/", StringComparison.Ordinal))
        {
            // Last year's rounds, closed, so that every reader of the council's picture may see their results.
            pattern = pattern.Replace("{year:int}", SurveyYear).Replace("{year:int?}", SurveyYear).Replace("{token}", new string('A', 43));
        }
        var url = pattern.StartsWith("/offentligt/", StringComparison.Ordinal)
            ? pattern.Replace("{council}", publicPlan.Item1).Replace("{year:int}", publicPlan.Item2)
            : pattern.Replace("{council}", council).Replace("{council?}", council).Replace("{year:int}", "2030");
        if (RegisterPages.Any(page => pattern == page || pattern.StartsWith(page + "?", StringComparison.Ordinal)))
        {
            // The register pages take their council from the query, like the links to them.
            url += (url.Contains('?') ? "&" : "?") + "council=" + council;
        }
        var id = pattern switch
        {
            _ when pattern.StartsWith("/rapporter/", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/reports/", StringComparison.Ordinal) => targets[(council, "report")],
            _ when pattern.StartsWith("/bidrag/", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/grants/", StringComparison.Ordinal) => targets[(council, "grant")],
            _ when pattern.StartsWith("/forum/", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/forums/", StringComparison.Ordinal) => targets[(council, "forum")],
            _ => targets[(council, "id")],
        };
        return url
            .Replace("{id:int}", id)
            .Replace("{id}", targets[(council, "account")])
            .Replace("/indikatorer/{key}", "/indikatorer/ny")
            .Replace("{key}", "introduction")
            .Replace("{round}.{format}", "T1.csv")
            .Replace("{round}", "T1")
            .Replace("{code:int?}", "404")
            .Replace("{documentName}", "v1");
    }
}
