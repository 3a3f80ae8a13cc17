using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.FollowUp;
using Varn.Core.Overview;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary><c>/api/v1/overview/{year}</c>: every council's year for the central coordinator and the city office (C11); <c>/api/v1/me/work</c>: what waits for the caller (C18).</summary>
public static class OverviewApi
{
    public sealed record PlanView(string Stage, string? DecidedOn, string? ApprovedOn, string? Diarienummer);

    public sealed record ActivitiesView(IReadOnlyDictionary<string, int> ByArea, IReadOnlyDictionary<string, int> ByStatus, int Overdue);

    public sealed record CouncilView(string Council, string Kind, PlanView? Plan, string SituationPicture, ActivitiesView Activities,
        IReadOnlyDictionary<string, string?> Rounds, decimal? SurveyResponseRate, decimal? TrainingCompletion, decimal? ReportsPerTenThousand);

    public sealed record WorkView(string Kind, string Title, string Url, string? Due);

    public static void MapOverviewApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/overview").WithTags("Overview").RequireAuthorization(Policies.ApiClient)
            .MapGet("/{year:int}", GetAsync).WithName("GetOverview");
        routes.MapGet("/api/v1/me/work", async (MyWork work, CancellationToken cancellationToken) =>
                TypedResults.Ok((await work.ListAsync(cancellationToken)).Select(i => new WorkView(i.Kind, i.Title, i.Url, Day(i.Due))).ToList()))
            .WithTags("Overview").WithName("GetMyWork").RequireAuthorization(Policies.ApiClient);
    }

    public static CouncilView View(CouncilYear row) => new(
        row.Council.Short, Codes.Of(row.Council.Kind),
        row.Plan is { } plan ? new PlanView(Codes.Of(plan.Stage), Day(plan.DecidedOn), Day(plan.ApprovedOn), plan.Diarienummer) : null,
        Codes.Of(row.SituationPicture),
        new ActivitiesView(row.ByArea.ToDictionary(a => Codes.Of(a.Key), a => a.Value), row.ByStatus.ToDictionary(s => Codes.Of(s.Key), s => s.Value), row.Overdue),
        row.Rounds.ToDictionary(r => r.Key.Code(), r => r.Value?.StateCode()),
        row.SurveyResponseRate, row.TrainingCompletion.Value, row.ReportsPerTenThousand.Value);

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Results<Ok<List<CouncilView>>, ProblemHttpResult>> GetAsync(int year, CityOverview overview, CancellationToken cancellationToken)
    {
        if (await overview.ViewerAsync(cancellationToken) is not { } viewer)
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "Åtkomst nekad", "overview", "Stadens översikt är för den centrala samordnaren och stadsledningskontorets läsare.");
        }
        if (year is < 2000 or > 2100)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Året finns inte", "year", "Ange ett år mellan 2000 och 2100.");
        }
        return TypedResults.Ok((await overview.BuildAsync(year, viewer, cancellationToken)).Select(View).ToList());
    }
}
