using Microsoft.AspNetCore.Http.HttpResults;
using Varn.Core.Situation;
using Varn.Core.Statistics;
using Varn.Web.Startup;

namespace Varn.Web.Api;

/// <summary>
/// <c>GET /api/v1/situation/{short}/{year}</c>: the council's situation picture as the caller may see it. A number the
/// caller may not see is <c>null</c>; cells and quarters say <c>"suppressed": true</c> beside it.
/// </summary>
public static class SituationApi
{
    public sealed record Period(DateOnly From, DateOnly To);

    public sealed record Cell(int Year, int Quarter, string Environment, string Category, int? Count, bool Suppressed);

    public sealed record QuarterCount(int Year, int Quarter, int? Count, bool Suppressed);

    public sealed record Reports(int? Total, IReadOnlyList<Cell> Cells, IReadOnlyDictionary<string, int?> ByEnvironment, IReadOnlyDictionary<string, int?> ByCategory, IReadOnlyList<QuarterCount> ByQuarter);

    public sealed record Trend(int Year, int? Total);

    public sealed record Police(string? Text, IReadOnlyDictionary<string, int?> ByEnvironment);

    public sealed record Statistic(string Source, int? Count);

    public sealed record Survey(int Year, int? Answered, double? ResponseRate, IReadOnlyDictionary<string, double?> YesShares);

    public sealed record View(
        string Council, int Year, bool Frozen, bool Suppressed, Period Period, Reports Reports, IReadOnlyList<Trend> Trend, int? Population,
        Rates PerTenThousand, Survey? Survey, Police? Police, IReadOnlyList<Statistic> Statistics, int? ConcernReports,
        IReadOnlyList<string> Findings, string? Mapping, string? Analysis);

    public static void MapSituationApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/situation/{council}/{year:int}", GetAsync).WithTags("Situation").WithName("GetSituationPicture").RequireAuthorization(Policies.ApiClient);

    private static async Task<Results<Ok<View>, ProblemHttpResult>> GetAsync(string council, int year, VarnDbContext db, Access access, SituationPictures pictures, CancellationToken cancellationToken)
    {
        var (target, refusal) = await ApiCouncil.FindAsync(db, council, access.CanSeePicture, "läsa nämndens lägesbild", cancellationToken: cancellationToken);
        if (target is null)
        {
            return refusal!;
        }
        if (year is < 2000 or > 2100)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Lägesbilden finns inte", "year", "Ange ett planår mellan 2000 och 2100.");
        }
        var picture = await pictures.BuildAsync(target, year, access.CanCoordinate(target.Id) ? Viewer.Coordinator : Viewer.Public, cancellationToken);
        return TypedResults.Ok(Of(picture));
    }

    public static View Of(SituationPicture picture) => new(
        picture.Council, picture.Year, picture.Frozen, picture.Suppressed, new Period(picture.From, picture.To),
        new Reports(
            picture.Reports.Total.Count,
            picture.Reports.Cells.Select(c => new Cell(c.Year, c.Quarter, c.Environment, c.Category, c.Count.Count, c.Count.Suppressed)).ToList(),
            picture.Reports.ByEnvironment.ToDictionary(e => e.Key, e => e.Value.Count),
            picture.Reports.ByCategory.ToDictionary(e => e.Key, e => e.Value.Count),
            picture.Reports.ByQuarter.Select(q => new QuarterCount(q.Year, q.Quarter, q.Count.Count, q.Count.Suppressed)).ToList()),
        picture.Trend.Select(t => new Trend(t.Year, t.Total.Count)).ToList(),
        picture.Population, picture.PerTenThousand,
        picture.Survey is { } survey ? new Survey(survey.Year, survey.Answered.Count, survey.ResponseRate, survey.Shares.ToDictionary(s => s.Question, s => s.Yes)) : null,
        picture.Police is { } police ? new Police(police.Text, police.ByEnvironment.ToDictionary(p => p.Key, p => p.Value.Count)) : null,
        picture.Statistics.Select(s => new Statistic(s.Source, s.Count.Count)).ToList(),
        picture.ConcernReports?.Count, picture.Findings, picture.Mapping, picture.Analysis);
}
