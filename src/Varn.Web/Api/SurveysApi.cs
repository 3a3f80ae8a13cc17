using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Varn.Core.Email;
using Varn.Core.Organisation;
using Varn.Core.Statistics;
using Varn.Core.Surveys;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary>
/// <c>/api/v1/surveys</c>: open a council's round and invite recipients, read the round, close it, answer by link
/// (the token is the credential), and the results — with the same authorisation as the pages.
/// </summary>
public static class SurveysApi
{
    private const int MaxBody = 1024 * 1024;

    public sealed record Invitation(string Recipient, string Url);

    public sealed record Invited(IReadOnlyList<Invitation> Invitations);

    public sealed record Recipient(string Name, string Kind, string? ActorKind, string? Email, bool Answered);

    public sealed record Round(string Council, int Year, string Closes, bool Closed, int Invited, int Answered, IReadOnlyList<Recipient> Recipients);

    public sealed record Answered(string Council, int Year);

    public sealed record Results(string Council, int Year, bool Closed, int Invited, int? Answered, double? ResponseRate, bool Suppressed,
        IReadOnlyList<QuestionCounts> Questions, IReadOnlyList<string> Comments, int SyntheticAnswers);

    public sealed record QuestionCounts(string Code, int? Answered, IReadOnlyDictionary<string, int?> Counts, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int?>> ByKind, bool Suppressed);

    public static void MapSurveysApi(this IEndpointRouteBuilder routes)
    {
        var surveys = routes.MapGroup("/api/v1/surveys").WithTags("Surveys");
        surveys.MapPost("/answers", AnswerAsync).WithName("AnswerSurvey").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(AccountsSetup.ReportsPolicy);
        var rounds = surveys.MapGroup("/{council}/{year:int}").RequireAuthorization(Policies.ApiClient);
        rounds.MapPost("/", InviteAsync).WithName("OpenSurveyRound").DisableAntiforgery();
        rounds.MapGet("/", GetAsync).WithName("GetSurveyRound");
        rounds.MapPost("/close", CloseAsync).WithName("CloseSurveyRound").DisableAntiforgery();
        rounds.MapGet("/results", ResultsAsync).WithName("GetSurveyResults");
    }

    private static async Task<Results<Created<Invited>, ProblemHttpResult>> InviteAsync(string council, int year, HttpRequest request, VarnDbContext db, Access access,
        SurveyRounds rounds, IOptions<EmailOptions> email, CancellationToken cancellationToken)
    {
        var (target, refusal) = await CouncilAsync(db, access, council, coordinatorsOnly: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (read, refused) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken);
        if (read is null)
        {
            return refused!;
        }
        using var body = read;
        var (closes, recipients) = ReadInvitation(body.Root, body.Errors);
        if (body.Unreadable("Inbjudan kunde inte läsas") is { } unreadable)
        {
            return unreadable;
        }
        var (round, links, problems) = await rounds.InviteAsync(target!, year, closes, recipients, BaseUrl(request, email.Value), cancellationToken);
        if (round is null)
        {
            return ApiProblems.Problem(problems.ContainsKey("round") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, "Ingen inbjudan skickades", problems);
        }
        return TypedResults.Created($"/api/v1/surveys/{council}/{year}", new Invited(links.Select(l => new Invitation(l.Recipient, l.Url)).ToList()));
    }

    private static async Task<Results<Ok<Round>, ProblemHttpResult>> GetAsync(string council, int year, VarnDbContext db, Access access, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (round, refusal) = await RoundAsync(db, access, council, year, coordinatorsOnly: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var recipients = await db.SurveyInvitations.AsNoTracking().Where(i => i.RoundId == round!.Id).OrderBy(i => i.Kind).ThenBy(i => i.RecipientName)
            .Select(i => new Recipient(i.RecipientName, Codes.Of(i.Kind), i.ActorKind == null ? null : Codes.Of(i.ActorKind.Value), i.Email, i.Answered))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Round(council, year, round!.Closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), round.IsClosed(clock.Today()),
            recipients.Count, recipients.Count(r => r.Answered), recipients));
    }

    private static async Task<Results<Ok<Round>, ProblemHttpResult>> CloseAsync(string council, int year, VarnDbContext db, Access access, SurveyRounds rounds, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (round, refusal) = await RoundAsync(db, access, council, year, coordinatorsOnly: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        await rounds.CloseAsync(round!, cancellationToken);
        return await GetAsync(council, year, db, access, clock, cancellationToken);
    }

    private static async Task<Results<Ok<Results>, ProblemHttpResult>> ResultsAsync(string council, int year, VarnDbContext db, Access access, TimeProvider clock,
        IOptions<StatisticsOptions> statistics, CancellationToken cancellationToken)
    {
        var (round, refusal) = await RoundAsync(db, access, council, year, coordinatorsOnly: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var view = await SurveyView.DecideAsync(db, access, round!, clock.Today(), cancellationToken);
        if (view.Refusal is { } notYet)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Resultaten visas inte ännu", "results", notYet);
        }
        var result = await SurveyResults.LoadAsync(db, round!, view.Viewer, view.Comments, statistics.Value.SuppressionThreshold, cancellationToken);
        return TypedResults.Ok(new Results(council, year, round!.IsClosed(clock.Today()), result.Invited, result.Answered.Count, result.ResponseRate, result.Suppressed,
            result.Questions.Select(q => new QuestionCounts(q.Code, q.Answered.Count,
                q.Options.ToDictionary(o => o.Option, o => o.All.Count),
                new Dictionary<string, IReadOnlyDictionary<string, int?>>
                {
                    ["unit"] = q.Options.ToDictionary(o => o.Option, o => o.Units.Count),
                    ["external"] = q.Options.ToDictionary(o => o.Option, o => o.External.Count),
                },
                q.Suppressed)).ToList(),
            result.Comments, result.SyntheticAnswers));
    }

    private static async Task<Results<Created<Answered>, ProblemHttpResult>> AnswerAsync(HttpRequest request, SurveyAnswering answering, CancellationToken cancellationToken)
    {
        var (read, refused) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken);
        if (read is null)
        {
            return refused!;
        }
        using var body = read;
        var (token, choices, several, relatives, comments) = ReadAnswer(body.Root, body.Errors);
        if (body.Unreadable("Svaret kunde inte läsas") is { } unreadable)
        {
            return unreadable;
        }
        var (state, invitation) = await answering.FindAsync(token, cancellationToken);
        if (state != LinkState.Open)
        {
            return LinkProblem(state);
        }
        var (response, problems) = SurveyResponse.Check(choices, several, relatives, comments);
        if (response is null)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Svaret togs inte emot", problems.Select(p => new KeyValuePair<string, string>($"answers.{p.Key}", p.Value)));
        }
        var stored = await answering.AnswerAsync(token!, response, cancellationToken: cancellationToken);
        return stored == LinkState.Open
            ? TypedResults.Created((string?)null, new Answered(invitation!.Round!.Council!.Short, invitation.Round.Year))
            : LinkProblem(stored);
    }

    private static ProblemHttpResult LinkProblem(LinkState state) => state switch
    {
        LinkState.Unknown => ApiProblems.Problem(StatusCodes.Status404NotFound, "Länken finns inte", "token", "Länken finns inte. Kontrollera att hela länken kom med."),
        LinkState.Used => ApiProblems.Problem(StatusCodes.Status410Gone, "Länken är använd", "token", "Enkäten är redan besvarad med den här länken."),
        _ => ApiProblems.Problem(StatusCodes.Status410Gone, "Enkäten är stängd", "token", "Enkäten är stängd och tar inte emot fler svar."),
    };

    private static string BaseUrl(HttpRequest request, EmailOptions email) => email.PublicUrl ?? $"{request.Scheme}://{request.Host}";

    private static Task<(Council? Council, ProblemHttpResult? Refusal)> CouncilAsync(VarnDbContext db, Access access, string council, bool coordinatorsOnly, CancellationToken cancellationToken) =>
        ApiCouncil.FindAsync(db, council, coordinatorsOnly ? access.CanCoordinate : access.CanSeePicture, coordinatorsOnly ? "samordna nämndens enkät" : "läsa nämndens enkätresultat", cancellationToken: cancellationToken);

    private static async Task<(SurveyRound? Round, ProblemHttpResult? Refusal)> RoundAsync(VarnDbContext db, Access access, string council, int year, bool coordinatorsOnly, CancellationToken cancellationToken)
    {
        var (target, refusal) = await CouncilAsync(db, access, council, coordinatorsOnly, cancellationToken);
        if (refusal is not null)
        {
            return (null, refusal);
        }
        var round = await db.SurveyRounds.Include(r => r.Council).FirstOrDefaultAsync(r => r.CouncilId == target!.Id && r.Year == year, cancellationToken);
        return round is null
            ? (null, ApiProblems.Problem(StatusCodes.Status404NotFound, "Enkäten finns inte", "year", $"{target!.Name} har ingen enkät för {year}."))
            : (round, null);
    }

    private static (string? Closes, List<RecipientInput> Recipients) ReadInvitation(JsonElement root, Dictionary<string, string> errors)
    {
        var json = new JsonReader(root, errors, "");
        json.Only("closes", "recipients");
        var recipients = new List<RecipientInput>();
        var index = 0;
        foreach (var item in json.Array("recipients"))
        {
            var recipient = new JsonReader(item, errors, $"recipients[{index++}].");
            recipient.Only("name", "kind", "email", "actorKind");
            recipients.Add(new RecipientInput(recipient.Text("name"), recipient.Text("kind"), recipient.Text("email"), recipient.Text("actorKind")));
        }
        return (json.Text("closes"), recipients);
    }

    private static (string? Token, Dictionary<string, string?> Choices, Dictionary<string, IReadOnlyList<string>> Several, Dictionary<string, string?> Relatives, string? Comments) ReadAnswer(
        JsonElement root, Dictionary<string, string> errors)
    {
        var json = new JsonReader(root, errors, "");
        json.Only("token", "answers");
        var choices = new Dictionary<string, string?>();
        var several = new Dictionary<string, IReadOnlyList<string>>();
        var relatives = new Dictionary<string, string?>();
        string? comments = null;
        if (root.TryGetProperty("answers", out var answers) && answers.ValueKind != JsonValueKind.Object)
        {
            errors["answers"] = "Svaren ska vara ett objekt: {\"seenExpressions\": \"no\", …}.";
        }
        else if (answers.ValueKind == JsonValueKind.Object)
        {
            var reader = new JsonReader(answers, errors, "answers.");
            foreach (var property in answers.EnumerateObject())
            {
                switch (SurveyQuestions.Find(property.Name)?.Type)
                {
                    case QuestionType.YesNo:
                        choices[property.Name] = reader.Text(property.Name);
                        break;
                    case QuestionType.Several:
                        several[property.Name] = reader.Array(property.Name).Select((v, i) => v.ValueKind == JsonValueKind.String ? v.GetString()! : Wrong(errors, $"answers.{property.Name}[{i}]")).ToList();
                        break;
                    case QuestionType.CountPerEnvironment:
                        foreach (var (environment, value) in reader.Counts(property.Name))
                        {
                            relatives[environment] = value;
                        }
                        break;
                    case QuestionType.Text:
                        comments = reader.Text(property.Name);
                        break;
                    default:
                        errors[$"answers.{property.Name}"] = $"Okänd fråga «{property.Name}». Frågorna är: {string.Join(", ", SurveyQuestions.All.Select(q => q.Code))}.";
                        break;
                }
            }
        }
        return (json.Text("token"), choices, several, relatives, comments);
    }

    private static string Wrong(Dictionary<string, string> errors, string field)
    {
        errors[field] = "Ska vara en text.";
        return "";
    }
}
