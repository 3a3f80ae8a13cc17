using System.Net;
using Varn.Core.Accounts;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Accounts;

/// <summary>
/// Sign-ins of one account at the same moment, on each database. They update the same row (the failure count, the
/// code's time step), and the one that saves second must get an answer, not a 500.
/// </summary>
public abstract class ConcurrentSignInTests(DatabaseProvider database) : DataTests(database)
{
    private const string Coordinator = "samtidig.samordnare@stad.example";

    protected override async Task ArrangeAsync()
    {
        await App.CreateAccountAsync(Coordinator, Role.LocalCoordinator, "skarholmen");
        var client = App.Browser();
        Assert.Equal("/", (await client.SignInAsync(Coordinator, DemoAccounts.Password)).Location());
        await client.SetUpTwoFactorAsync(App);
    }

    /// <summary>Both pass the check of the code; the account's concurrency stamp lets one of them save.</summary>
    [Fact]
    public async Task TheSameCode_SentTwiceAtOnce_SignsInOnce()
    {
        var code = await App.CodeForAsync(Coordinator);
        var browsers = new[] { await App.AtTheSecondStepAsync(Coordinator), await App.AtTheSecondStepAsync(Coordinator) };

        var answers = await Task.WhenAll(browsers.Select(b => b.Client.SubmitAsync(b.Step.Form(), new Dictionary<string, string> { ["Code"] = code })));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], answers.Select(a => a.StatusCode).Order());
    }

    [Fact]
    public async Task WrongPasswords_AtTheSameMoment_AreEachRefusedWith400()
    {
        var clients = Enumerable.Range(0, 4).Select(_ => App.Browser()).ToList();
        var forms = new List<AngleSharp.Html.Dom.IHtmlFormElement>();
        foreach (var client in clients)
        {
            forms.Add((await client.GetPageAsync("/logga-in")).Form("#password-sign-in"));
        }

        var answers = await Task.WhenAll(clients.Select((client, i) => client.SubmitAsync(forms[i],
            new Dictionary<string, string> { ["Input.Email"] = Coordinator, ["Input.Password"] = $"fel-lösenord-{i}" })));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode));
    }
}

public sealed class ConcurrentSignInOnSqliteTests() : ConcurrentSignInTests(DatabaseProvider.Sqlite);

public sealed class ConcurrentSignInOnPostgresTests() : ConcurrentSignInTests(DatabaseProvider.Postgres);
