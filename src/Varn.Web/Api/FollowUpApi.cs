using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.FollowUp;
using Varn.Core.Statistics;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary><c>/api/v1/plans/{council}/{year}/followup</c> and <c>…/indicators</c>: follow-up rounds, their ILS files, and the plan's indicators (C10, C17).</summary>
public static class FollowUpApi
{
    private const int MaxBody = 1024 * 1024;

    public sealed record ActivityLine(int Id, string Area, string Text, string Responsible, string? Schedule, string Status, string? Comment, bool Overdue, string? Meetings);

    public sealed record RoundDocument(string Round, string State, string Cutoff, string Due, IReadOnlyList<ActivityLine> Activities);

    public sealed record ChangeLine(int Id, string FromStatus, string ToStatus, string? FromComment, string? ToComment);

    public sealed record ImportResult(bool Stored, int Changed, IReadOnlyList<ChangeLine> Changes);

    public sealed record IndicatorValueDocument(decimal? Value, bool Suppressed);

    public sealed record IndicatorDocument(string? Id, string Name, string Kind, string? Computed, string? Unit, decimal? Baseline, decimal? Target,
        IndicatorValueDocument T1, IndicatorValueDocument T2, IndicatorValueDocument Year, string? Source, string? Comment);

    public static void MapFollowUpApi(this IEndpointRouteBuilder routes)
    {
        var plan = routes.MapGroup("/api/v1/plans/{council}/{year:int}").WithTags("Follow-up").RequireAuthorization(Policies.ApiClient);
        plan.MapPost("/followup", OpenAsync).WithName("OpenFollowUpRound").DisableAntiforgery();
        plan.MapGet("/followup/{round}", GetAsync).WithName("GetFollowUpRound");
        plan.MapGet("/followup/{round}.{format}", FileAsync).WithName("GetFollowUpRoundFile");
        plan.MapPut("/followup/{round}", SaveAsync).WithName("UpdateFollowUpRound").DisableAntiforgery();
        plan.MapPost("/followup/{round}/submit", SubmitAsync).WithName("SubmitFollowUpRound").DisableAntiforgery();
        plan.MapPost("/followup/{round}/import", ImportAsync).WithName("ImportFollowUpRound").DisableAntiforgery();
        plan.MapGet("/indicators", IndicatorsAsync).WithName("ListIndicators");
    }

    public static RoundDocument Document(RoundView view) => new(
        view.Round.Kind.Code(), view.Round.State.StateCode(), Day(view.Cutoff), Day(view.Due),
        view.Lines.Select(l => new ActivityLine(l.Id, Codes.Of(l.Area), l.Text, l.Responsible, l.Schedule, Codes.Of(l.Status), l.Comment, l.Overdue, l.Meetings)).ToList());

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The plan, when this person may see its rounds; otherwise the refusal (another council's rounds are not found).</summary>
    private static async Task<(ActionPlan? Plan, ProblemHttpResult? Refusal)> PlanAsync(string council, int year, PlanGuard guard, FollowUpRounds rounds, bool manage, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await guard.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return (null, ApiProblems.Refused(refusal));
        }
        if (!rounds.MaySee(plan!))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status404NotFound, "Uppföljningen finns inte", "plan", $"Du kan inte se uppföljningen av {plan!.Council!.Name}s plan."));
        }
        if (manage && !rounds.MayManage(plan!))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "plan", $"Bara samordnarna i {plan!.Council!.Name} och den centrala samordnaren öppnar och lämnar in omgångar."));
        }
        return (plan, null);
    }

    private static async Task<(FollowUpRound? Round, ProblemHttpResult? Refusal)> RoundAsync(ActionPlan plan, string round, FollowUpRounds rounds, CancellationToken cancellationToken)
    {
        if (!RoundKinds.TryParse(round, out var kind))
        {
            return (null, ApiProblems.Problem(StatusCodes.Status404NotFound, "Omgången finns inte", "round", $"«{round}» är ingen omgång. Omgångarna är T1, T2 och year."));
        }
        var found = await rounds.FindAsync(plan, kind, cancellationToken);
        return found is null
            ? (null, ApiProblems.Problem(StatusCodes.Status404NotFound, "Omgången finns inte", "round", $"{kind.Label()} är inte öppnad för planen {plan.Year}."))
            : (found, null);
    }

    private static async Task<Results<Created<RoundDocument>, ProblemHttpResult>> OpenAsync(string council, int year, HttpRequest request, PlanGuard guard, FollowUpRounds rounds, Access access, CancellationToken cancellationToken)
    {
        var (plan, denied) = await PlanAsync(council, year, guard, rounds, manage: true, cancellationToken);
        if (plan is null)
        {
            return denied!;
        }
        var (read, refusal) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken);
        if (read is null)
        {
            return refusal!;
        }
        using var body = read;
        body.Reader.Only("round");
        var code = body.Reader.Text("round");
        if (body.Unreadable("Omgången kunde inte läsas") is { } unreadable)
        {
            return unreadable;
        }
        if (!RoundKinds.TryParse(code, out var kind))
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Omgången öppnades inte", "round", "Ange round som T1, T2 eller year.");
        }
        var (round, problem, _) = await rounds.OpenAsync(plan, kind, $"{access.DisplayName} (API)", cancellationToken);
        if (round is null)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Omgången öppnades inte", "round", problem!);
        }
        return TypedResults.Created($"/api/v1/plans/{council}/{year}/followup/{kind.Code()}", Document(await rounds.ViewAsync(plan, round, cancellationToken)));
    }

    private static async Task<Results<Ok<RoundDocument>, ProblemHttpResult>> GetAsync(string council, int year, string round, PlanGuard guard, FollowUpRounds rounds, CancellationToken cancellationToken)
    {
        var (plan, found, denied) = await RoundOfAsync(council, year, round, guard, rounds, followingUp: false, cancellationToken);
        return found is null ? denied! : TypedResults.Ok(Document(await rounds.ViewAsync(plan!, found, cancellationToken)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(string council, int year, string round, string format, PlanGuard guard, FollowUpRounds rounds, AuditLog audit, CancellationToken cancellationToken)
    {
        var (plan, found, denied) = await RoundOfAsync(council, year, round, guard, rounds, followingUp: false, cancellationToken);
        if (found is null)
        {
            return denied!;
        }
        var view = await rounds.ViewAsync(plan!, found, cancellationToken);
        var file = FollowUpFiles.Export(view, format);
        if (file is null)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Formatet finns inte", "format", $"«{format}» finns inte. Välj csv, xlsx eller docx.");
        }
        await audit.RecordAsync("followup.export", "plan", view.Plan.Id.ToString(CultureInfo.InvariantCulture), $"{found.Kind.Code()} {format.ToLowerInvariant()} (API)", cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.Name);
    }

    private static async Task<Results<Ok<RoundDocument>, ProblemHttpResult>> SaveAsync(string council, int year, string round, HttpRequest request, PlanGuard guard, FollowUpRounds rounds, Access access, CancellationToken cancellationToken)
    {
        var (plan, found, denied) = await RoundOfAsync(council, year, round, guard, rounds, followingUp: true, cancellationToken);
        if (found is null)
        {
            return denied!;
        }
        var (read, refusal) = await JsonBody.ReadAsync(request, MaxBody, cancellationToken, JsonValueKind.Array);
        if (read is null)
        {
            return refusal!;
        }
        using var body = read;
        var input = body.Root.EnumerateArray().Select((element, i) =>
        {
            var item = new JsonReader(element, body.Errors, $"[{i}].");
            item.Only("id", "status", "comment");
            var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var raw) && raw.ValueKind == JsonValueKind.String ? item.Text("id") : item.Number("id");
            return new EntryInput(id, item.Text("status"), item.Text("comment"));
        }).ToList();
        if (body.Unreadable("Uppföljningen kunde inte läsas") is { } unreadable)
        {
            return unreadable;
        }
        var outcome = await rounds.SaveAsync(plan!, found, input, $"{access.DisplayName} (API)", cancellationToken: cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refusal(outcome, found);
        }
        return TypedResults.Ok(Document(await rounds.ViewAsync(plan!, found, cancellationToken)));
    }

    /// <summary>The plan and round for someone who sees them (and, <paramref name="followingUp"/>, follows up at least one activity); otherwise the refusal.</summary>
    private static async Task<(ActionPlan? Plan, FollowUpRound? Round, ProblemHttpResult? Refusal)> RoundOfAsync(string council, int year, string round, PlanGuard guard, FollowUpRounds rounds, bool followingUp, CancellationToken cancellationToken)
    {
        var (plan, denied) = await PlanAsync(council, year, guard, rounds, manage: false, cancellationToken);
        if (plan is null)
        {
            return (null, null, denied);
        }
        if (followingUp && !await rounds.MayFollowUpAnyAsync(plan, cancellationToken))
        {
            return (null, null, ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "plan", "Du ansvarar inte för någon av planens aktiviteter."));
        }
        var (found, missing) = await RoundAsync(plan, round, rounds, cancellationToken);
        return (plan, found, missing);
    }

    private static async Task<Results<Ok<RoundDocument>, ProblemHttpResult>> SubmitAsync(string council, int year, string round, PlanGuard guard, FollowUpRounds rounds, Access access, CancellationToken cancellationToken)
    {
        var (plan, denied) = await PlanAsync(council, year, guard, rounds, manage: true, cancellationToken);
        if (plan is null)
        {
            return denied!;
        }
        var (found, missing) = await RoundAsync(plan, round, rounds, cancellationToken);
        if (found is null)
        {
            return missing!;
        }
        if (!await rounds.SubmitAsync(plan, found, $"{access.DisplayName} (API)", cancellationToken))
        {
            return Submitted(found);
        }
        return TypedResults.Ok(Document(await rounds.ViewAsync(plan, found, cancellationToken)));
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(string council, int year, string round, bool? preview, HttpRequest request, PlanGuard guard, FollowUpRounds rounds, Access access, CancellationToken cancellationToken)
    {
        var (plan, found, denied) = await RoundOfAsync(council, year, round, guard, rounds, followingUp: true, cancellationToken);
        if (found is null)
        {
            return denied!;
        }
        if (request.ContentLength > MaxBody)
        {
            return ApiProblems.TooLarge(MaxBody);
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBody)
        {
            return ApiProblems.TooLarge(MaxBody);
        }
        buffer.Position = 0;
        var (rows, unreadable) = FollowUpFiles.ReadCsv(buffer);
        if (unreadable is not null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Filen kunde inte läsas", "file", unreadable);
        }
        var store = preview != true;
        var (outcome, errors) = await rounds.ImportAsync(plan!, found, rows, $"{access.DisplayName} (API)", store, cancellationToken);
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Filen lästes inte in: inget är ändrat", errors.Select(e => new KeyValuePair<string, string>("file", e)), string.Join(" ", errors.Take(3)));
        }
        if (!outcome.Succeeded)
        {
            return Refusal(outcome, found);
        }
        return TypedResults.Ok(new ImportResult(store, outcome.Changes.Count,
            outcome.Changes.Select(c => new ChangeLine(c.Id, Codes.Of(c.FromStatus), Codes.Of(c.ToStatus), c.FromComment, c.ToComment)).ToList()));
    }

    private static async Task<Results<Ok<List<IndicatorDocument>>, ProblemHttpResult>> IndicatorsAsync(string council, int year, PlanGuard guard, PlanIndicators indicators, Access access, CancellationToken cancellationToken)
    {
        var (plan, refusal) = await guard.FindAsync(council, year, PlanPurpose.Read, cancellationToken);
        if (refusal is not null)
        {
            return ApiProblems.Refused(refusal);
        }
        var viewer = access.CanCoordinate(plan!.CouncilId) ? Viewer.Coordinator : Viewer.Public;
        var rows = await indicators.ListAsync(plan, viewer, cancellationToken);
        IndicatorValueDocument V(IndicatorRow row, RoundKind period) => new(row.Values[period].Value, row.Values[period].Suppressed);
        return TypedResults.Ok(rows.Select(r => new IndicatorDocument(
            r.Computation is { } c ? Codes.Of(c) : r.Id?.ToString(CultureInfo.InvariantCulture), r.Name, Codes.Of(r.Kind), r.Computation is { } computed ? Codes.Of(computed) : null,
            r.Unit, r.Baseline, r.Target, V(r, RoundKind.T1), V(r, RoundKind.T2), V(r, RoundKind.Year), r.Source, r.Comment)).ToList());
    }

    private static ProblemHttpResult Refusal(SaveOutcome outcome, FollowUpRound round) =>
        outcome.Conflict ? Submitted(round)
        : outcome.Forbidden ? ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "activities", "Du kan bara följa upp aktiviteter som din enhet ansvarar för. Inget är ändrat.")
        : ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Uppföljningen sparades inte: inget är ändrat", outcome.Errors);

    private static ProblemHttpResult Submitted(FollowUpRound round) => round.State == RoundState.Submitted
        ? ApiProblems.Problem(StatusCodes.Status409Conflict, "Omgången är inlämnad", "round", $"{round.Kind.Label()} är inlämnad och låst. Inget är ändrat.")
        : ApiProblems.Problem(StatusCodes.Status409Conflict, "Omgången ändrades samtidigt", "round", "Någon annan ändrade omgången samtidigt, eller planen följs inte upp längre. Hämta omgången igen.");
}
