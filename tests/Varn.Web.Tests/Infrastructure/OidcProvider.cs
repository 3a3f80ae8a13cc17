using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect provider for the sign-in tests: panva/oidc-provider (tests/OidcProvider, installed by test.sh)
/// run by Node.js on a free loopback port. Each Värn host registers its own client through Dynamic Client
/// Registration. Its sign-in page takes any login (the e-mail address) with any password. Fails, never skips, when it
/// cannot start.
/// </summary>
public sealed class OidcProvider : IDisposable
{
    private readonly Process process;

    public string Issuer { get; }

    public OidcProvider()
    {
        var folder = Folder();
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")),
            $"oidc-provider is not installed in {folder}. Run ./test.sh, which installs it with npm.");
        var port = SmtpServer.FreePort();
        Issuer = $"http://127.0.0.1:{port}";
        process = Process.Start(new ProcessStartInfo("node", ["provider.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("node did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = process.StandardOutput.ReadLineAsync();
        Assert.True(ready.Wait(TimeSpan.FromSeconds(30)) && ready.Result == "listening",
            $"The OpenID Connect provider did not start (exit code {(process.HasExited ? process.ExitCode : "none")}).");
    }

    /// <summary>Registers a client for a Värn host at <paramref name="baseUrls"/> (its /signin-oidc and /signout-callback-oidc).</summary>
    public async Task<(string ClientId, string ClientSecret)> RegisterClientAsync(params string[] baseUrls)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync($"{Issuer}/reg", new
        {
            redirect_uris = baseUrls.Select(b => $"{b.TrimEnd('/')}/signin-oidc").ToArray(),
            post_logout_redirect_uris = baseUrls.Select(b => $"{b.TrimEnd('/')}/signout-callback-oidc").ToArray(),
            grant_types = new[] { "authorization_code" },
            response_types = new[] { "code" },
            token_endpoint_auth_method = "client_secret_post",
            subject_type = "pairwise",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Client registration failed: {body}");
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("client_id").GetString()!, json.RootElement.GetProperty("client_secret").GetString()!);
    }

    /// <summary>Värn's settings for a registered client.</summary>
    public Dictionary<string, string> Settings(string clientId, string clientSecret, bool passwordSignIn = true) => new()
    {
        ["Varn:Oidc:Authority"] = Issuer,
        ["Varn:Oidc:ClientId"] = clientId,
        ["Varn:Oidc:ClientSecret"] = clientSecret,
        ["Varn:Oidc:Label"] = "Stockholms stad",
        ["Varn:Oidc:PasswordSignIn"] = passwordSignIn ? "true" : "false",
    };

    /// <summary>
    /// A person at the provider: follows its redirects from the authorization request, signs in on its page as
    /// <paramref name="login"/>, and returns the address the provider sends the browser back to.
    /// </summary>
    public static async Task<Uri> SignInAtProviderAsync(HttpClient person, Uri authorize, string login)
    {
        var next = authorize;
        for (var hop = 0; hop < 10; hop++)
        {
            var response = await person.GetAsync(next);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var page = await Html.ParseAsync(response);
                var form = page.QuerySelector("form[method=post]") as IHtmlFormElement
                    ?? throw new InvalidOperationException($"The provider's page at {next} has no form.");
                response = await person.SubmitAsync(form, new Dictionary<string, string> { ["login"] = login, ["password"] = "vilket-som-helst" });
            }
            var location = response.Headers.Location ?? throw new InvalidOperationException($"The provider answered {response.StatusCode} at {next}.");
            next = location.IsAbsoluteUri ? location : new Uri(next, location);
            if (next.GetLeftPart(UriPartial.Authority) != authorize.GetLeftPart(UriPartial.Authority))
            {
                return next;
            }
        }
        throw new InvalidOperationException("The provider redirected more than ten times.");
    }

    /// <summary>A browser of its own at the provider: cookies, no automatic redirects.</summary>
    public static HttpClient Person() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }

    private static string Folder() => Path.Combine(Repository.Root, "tests", "OidcProvider");
}
