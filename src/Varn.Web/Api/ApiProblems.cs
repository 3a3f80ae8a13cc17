using Microsoft.AspNetCore.Http.HttpResults;

namespace Varn.Web.Api;

/// <summary>
/// The one shape of every API error: ProblemDetails as <c>application/problem+json</c>, with the fields at fault named
/// under <c>errors</c> (a field name such as <c>description</c>, or a JSON path such as <c>$.activities[2].area</c>).
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, IEnumerable<KeyValuePair<string, string>>? errors = null, string? detail = null)
    {
        var named = (errors ?? []).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(new HttpValidationProblemDetails(named) { Status = status, Title = title, Detail = detail });
    }

    public static ProblemHttpResult Problem(int status, string title, string field, string message) =>
        Problem(status, title, [new KeyValuePair<string, string>(field, message)], message);

    public static ProblemHttpResult Refused(PlanRefusal refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => Problem(StatusCodes.Status404NotFound, "Planen finns inte", "plan", refusal.Message),
        RefusalKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "plan", refusal.Message),
        _ => Problem(StatusCodes.Status409Conflict, "Planen är låst", "plan", refusal.Message),
    };

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "För stort", "$", $"Största tillåtna storlek är {Math.Max(1, maxBytes / 1024 / 1024)} MB.");
}
