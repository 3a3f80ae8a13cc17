using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Varn.Budget;

/// <summary>The load's HTTP side: one connection pool, a signed-in cookie for pages and an API token for the API.</summary>
public sealed partial class Client(Uri address, string token)
{
    private readonly HttpClient pages = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 256, AllowAutoRedirect = false })
    {
        BaseAddress = address,
    };

    private readonly HttpClient api = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = address,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private readonly string today = DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd");

    private readonly ConcurrentDictionary<int, int> unexpected = new();

    /// <summary>The status codes of the answers that were not the expected one since the last call, as "401 × 12", and forgets them.</summary>
    public string? TakeUnexpected()
    {
        var taken = unexpected.Keys.Order().Select(code => unexpected.TryRemove(code, out var count) ? $"{code} × {count}" : null).OfType<string>().ToList();
        return taken.Count == 0 ? null : string.Join(", ", taken);
    }

    private bool Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected)
        {
            return true;
        }
        unexpected.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
        return false;
    }

    public async Task SignInAsync(string email)
    {
        var form = await pages.GetStringAsync("/logga-in");
        var antiforgery = Antiforgery().Match(form).Groups[1].Value;
        using var response = await pages.PostAsync("/logga-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.Email"] = email,
            ["Input.Password"] = "Värn-demo-2026",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        }
    }

    public async Task<bool> PageAsync(string path)
    {
        using var response = await pages.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        return Expect(response, HttpStatusCode.OK);
    }

    public async Task<bool> ApiAsync(string path)
    {
        using var response = await api.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        return Expect(response, HttpStatusCode.OK);
    }

    /// <summary>Files one valid report whose description carries <paramref name="marker"/>; true when it was accepted (201).</summary>
    public async Task<bool> ReportAsync(string marker, int sequence)
    {
        var body = JsonSerializer.Serialize(new
        {
            date = today,
            council = "skarholmen",
            placeType = "school",
            categories = new[] { "graffiti" },
            environment = "rightWing",
            source = "ownOperation",
            description = $"Klotter med symboler på skolgårdens mur, anmält under belastningsmätning ({marker} nr {sequence}). Personalen tog bort det samma dag.",
            actionsTaken = new[] { "removalRequested" },
        });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await api.PostAsync("/api/v1/reports", content);
        return Expect(response, HttpStatusCode.Created);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
