using System.Net;
using System.Net.Http.Headers;
using Varn.Core.Accounts;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Cli;

[Collection(nameof(ConsoleCollection))]
public class UserCommandsTests
{
    [Fact]
    public async Task AddListAndToken_CreateAWorkingAccountAndApiToken()
    {
        using var app = VarnFactory.Empty();
        _ = app.Server;

        var (added, addOutput) = await app.RunWithInputAsync("ett-långt-lösenord-för-test\n", "users", "add", "--email", "anna.samordnare@stad.example", "--name", "Anna Samordnare", "--role", "localCoordinator", "--council", "farsta", "--password-stdin");
        var (listed, listOutput) = await app.RunAsync("users", "list");
        var (issued, tokenOutput) = await app.RunAsync("users", "token", "--email", "anna.samordnare@stad.example", "--name", "ILS-export");

        Assert.Equal((0, 0, 0), (added, listed, issued));
        Assert.Contains("Skapade Anna Samordnare <anna.samordnare@stad.example> som lokal samordnare.", addOutput);
        Assert.Contains("anna.samordnare@stad.example\tAnna Samordnare\tlocalCoordinator@farsta", listOutput);
        var secret = tokenOutput.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith(ApiToken.Prefix, secret);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/plans")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Hash == secret)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ApiToken.created" && a.Actor.StartsWith("kommandoraden"))));
    }

    [Theory]
    [InlineData("kort", "localCoordinator", "farsta", "Lösenordet ska ha minst 12 tecken.")]
    [InlineData("ett-långt-lösenord-för-test", "localCoordinator", null, "gäller en nämnd")]
    [InlineData("ett-långt-lösenord-för-test", "localCoordinator", "gotham", "gäller en nämnd")]
    public async Task Add_WithBadInput_FailsWithAMessageAndCreatesNothing(string password, string role, string? council, string message)
    {
        using var app = VarnFactory.Empty();
        _ = app.Server;
        string[] args = ["users", "add", "--email", "b@stad.example", "--name", "B", "--role", role, "--password-stdin", .. council is null ? Array.Empty<string>() : ["--council", council]];

        var (code, output) = await app.RunWithInputAsync(password + "\n", args);

        Assert.Equal(1, code);
        Assert.Contains(message, output);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync()));
    }

    [Fact]
    public async Task Token_AsItsOwnProcessOnANewDatabase_PrintsOnlyTheAnswerOnStandardOutput_AndTheWarningsOnStandardError()
    {
        var folder = Directory.CreateTempSubdirectory("varn-token-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Varn"] = $"Data Source={Path.Combine(folder, "varn.db")}",
                ["Varn__Demo"] = "true",
                ["Logging__LogLevel__Default"] = "Information",
            };

            var (code, output, errors) = await AppProcess.CommandAsync(environment, "", "users", "token", "--email", "medarbetare.skarholmen@varn.example", "--name", "skript");

            Assert.True(code == 0, output + errors);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("Ny API-nyckel för Demo Medarbetare Skärholmen.", lines[0]);
            Assert.Matches($"^{ApiToken.Prefix}[A-Za-z0-9_-]+$", lines[1]);
            // The new database's migrations warn, and the demo data is logged at information level: the warnings are
            // on standard error, the information is left out.
            Assert.Contains("warn: Microsoft.EntityFrameworkCore.Migrations", errors);
            Assert.DoesNotContain("info:", errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
