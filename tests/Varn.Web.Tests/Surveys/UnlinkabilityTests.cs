using System.Net;
using System.Text;
using System.Text.Json;
using Varn.Core.Surveys;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Surveys;

/// <summary>
/// DESIGN §5 rule 7 read straight from the database: no column of the answers table holds a token, hash, invitation or
/// recipient, nor a time; the rows are not stored in the order they came; and on PostgreSQL no transaction id ties an
/// answer to its invitation.
/// </summary>
public class UnlinkabilityTests
{
    private const int Recipients = 12;

    [Theory]
    [MemberData(nameof(VarnFactory.Databases), MemberType = typeof(VarnFactory))]
    public async Task AnswersTable_HoldsNothingThatLeadsBackToTheInvitation_NorTheirArrivalOrder(DatabaseProvider database)
    {
        using var app = await VarnFactory.OnAsync(database, demo: false);
        await app.CreateAccountAsync("samordnare@stad.example", Core.Accounts.Role.LocalCoordinator, "kungsholmen");
        var coordinator = await app.ApiClientAsync("samordnare@stad.example");
        var year = app.Clock.Today().Year;
        var recipients = Enumerable.Range(1, Recipients).Select(i => new { name = $"Extern aktör {i}", kind = "external", email = (string?)null }).ToArray();
        var created = await coordinator.PostAsync($"/api/v1/surveys/kungsholmen/{year}", Json(new { closes = app.Clock.Today().AddDays(7).ToString("yyyy-MM-dd"), recipients }));
        using var invited = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var tokens = invited.RootElement.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("url").GetString()!).Select(u => u[(u.LastIndexOf('/') + 1)..]).ToList();

        var anonymous = app.CreateClient();
        for (var i = 0; i < tokens.Count; i++)
        {
            var answered = await anonymous.PostAsync("/api/v1/surveys/answers", Json(new { token = tokens[i], answers = new { seenExpressions = "no", comments = $"Svar nummer {i + 1:00}." } }));
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        }

        var (columns, rows) = await ReadAnswersInStorageOrderAsync(app, database);
        var invitations = await app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().ToListAsync());
        var secrets = tokens.Concat(tokens.Select(SurveyTokens.Hash)).Concat(invitations.Select(i => i.RecipientName)).ToList();

        Assert.Equal(["Comments", "Id", "IsSynthetic", "Kind", "RoundId", "Values"], columns.Order());
        Assert.All(rows.SelectMany(r => r), value => Assert.DoesNotContain(secrets, secret => value.Contains(secret, StringComparison.Ordinal)));
        Assert.DoesNotContain(rows, r => invitations.Select(i => i.Id.ToString()).Contains(r[columns.IndexOf("Id")]));
        var inStorageOrder = rows.Select(r => r[columns.IndexOf("Comments")]).ToList();
        var inArrivalOrder = Enumerable.Range(1, Recipients).Select(i => $"Svar nummer {i:00}.").ToList();
        Assert.Equal(inArrivalOrder.Order(), inStorageOrder.Order());
        Assert.NotEqual(inArrivalOrder, inStorageOrder);
        Assert.Equal(inStorageOrder, await app.WithDbAsync(db => db.SurveyAnswers.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Comments!).ToListAsync()));
        if (database == DatabaseProvider.Postgres)
        {
            Assert.Equal(1, await DistinctTransactionsAsync(app, "SurveyInvitations"));
            Assert.Equal(1, await DistinctTransactionsAsync(app, "SurveyAnswers"));
        }
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "survey.answered").ToListAsync());
        Assert.Equal(Recipients, audit.Count);
        Assert.All(audit, a => Assert.Equal(("SurveyRound", "en mottagare av enkäten"), (a.Entity!, a.Actor)));
        Assert.DoesNotContain(await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()), a => a.Entity is "SurveyAnswer" || (a.Entity == "SurveyInvitation" && a.Action != "SurveyInvitation.created"));
    }

    /// <summary>Every row and column as the database returns them with no ORDER BY: the order rows are stored in.</summary>
    private static Task<(List<string> Columns, List<string[]> Rows)> ReadAnswersInStorageOrderAsync(VarnFactory app, DatabaseProvider database) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT * FROM "SurveyAnswers" """;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray());
        }
        return (columns, rows);
    });

    /// <summary>How many different PostgreSQL transaction ids (xmin) the rows of a table carry.</summary>
    private static Task<int> DistinctTransactionsAsync(VarnFactory app, string table) => app.WithDbAsync(db => table switch
    {
        "SurveyInvitations" => db.Database.SqlQueryRaw<int>("""SELECT COUNT(DISTINCT xmin::text)::int AS "Value" FROM "SurveyInvitations" """).SingleAsync(),
        _ => db.Database.SqlQueryRaw<int>("""SELECT COUNT(DISTINCT xmin::text)::int AS "Value" FROM "SurveyAnswers" """).SingleAsync(),
    });

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
