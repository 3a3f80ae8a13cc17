using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Pages;

/// <summary>
/// Every page, asked for a handler it does not have: a POST without a handler, a POST and a GET naming one that does
/// not exist, a PUT. The page never runs without its model loaded: 400, 404 or 405 with the error page, never a 5xx.
/// </summary>
public class HandlerTests : IClassFixture<HandlerTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public VarnFactory App { get; } = new();
        public HttpClient Central { get; private set; } = null!;
        public HttpClient Admin { get; private set; } = null!;
        public Dictionary<string, string> Values { get; } = new();

        public async Task InitializeAsync()
        {
            Central = await App.SignedInAsync(TestAccounts.Central);
            Admin = await App.SignedInAsync(TestAccounts.Admin);
            await App.WithDbAsync(async db =>
            {
                Values["{id:int}"] = (await db.Activities.Where(a => a.Plan!.Council!.Short == "skarholmen" && a.Plan.Year == 2019).Select(a => a.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
            await App.CreateAccountAsync("handlare.mal@stad.example", Core.Accounts.Role.Employee, "kungsholmen");
            Values["{id}"] = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "handlare.mal@stad.example").Select(u => u.Id).SingleAsync());
            Values["{council}"] = Values["{council?}"] = "skarholmen";
            Values["{year:int}"] = "2019";
            Values["{key}"] = "introduction";
            Values["{code:int?}"] = "404";
            Values["{year:int?}"] = "2019";
            Values["{token}"] = new string('A', 43);
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly Fixture fixture;

    public HandlerTests(Fixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task EveryPage_AskedForAHandlerItDoesNotHave_AnswersWithoutA5xx()
    {
        var routes = await MappedRoutes.ListAsync(fixture.App);
        var answers = new List<string>();
        // Signing out last: a sign-out page that ran for an unknown handler would end the session the other requests use.
        foreach (var page in MappedRoutes.Pages(fixture.App).OrderBy(p => p == "/logga-ut"))
        {
            var url = fixture.Values.Aggregate(page, (u, v) => u.Replace(v.Key, v.Value));
            var client = page.StartsWith("/admin/konton", StringComparison.Ordinal) || page.StartsWith("/admin/utkorg", StringComparison.Ordinal) ? fixture.Admin : fixture.Central;
            var hasPlainPost = routes.Contains($"POST {page}");
            foreach (var (method, handler) in new[] { ("POST", null), ("POST", "Finnsinte"), ("GET", "Finnsinte"), ("PUT", null) })
            {
                if (method == "POST" && handler is null && hasPlainPost)
                {
                    continue;
                }
                var status = await SendAsync(client, method, handler is null ? url : $"{url}?handler={handler}");
                var fine = page == "/fel/{code:int?}" ? status < 500 : status is 400 or 404 or 405;
                if (!fine)
                {
                    answers.Add($"{method} {page}{(handler is null ? "" : $"?handler={handler}")}: {status}");
                }
            }
        }
        Assert.True(answers.Count == 0, "Pages that ran for a handler they do not have:\n" + string.Join("\n", answers));
    }

    private static async Task<int> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET")
        {
            var account = await client.GetAsync("/konto");
            if (account.StatusCode != System.Net.HttpStatusCode.OK)
            {
                // An earlier request ended the session (a sign-out page run for a handler it does not have).
                return (int)account.StatusCode;
            }
            var token = (await Html.ParseAsync(account)).AntiforgeryToken();
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        }
        return (int)(await client.SendAsync(request)).StatusCode;
    }
}
