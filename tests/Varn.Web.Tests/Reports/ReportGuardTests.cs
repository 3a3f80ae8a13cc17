using System.Net;
using System.Text;
using System.Text.Json;
using Varn.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Varn.Web.Tests.Reports;

/// <summary>The corpus through the real form and the real API: personal data refused with its kind named, nothing stored; clean text stored.</summary>
public class ReportGuardTests(ReportGuardTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<ReportGuardTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public VarnFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["personnummer"] = "ett personnummer",
        ["samordningsnummer"] = "ett samordningsnummer",
        ["telefonnummer"] = "ett telefonnummer",
        ["e-postadress"] = "en e-postadress",
        ["gatuadress"] = "en gatuadress",
        ["registreringsnummer"] = "ett registreringsnummer",
    };

    private static List<(string Label, string Sentence)> Corpus() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Privacy", "corpus.txt"))
            .Where(line => !line.StartsWith('#') && line.Contains('\t'))
            .Select(line => (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]))
            .ToList();

    [Fact]
    public async Task Corpus_ThroughTheApi_RefusesPersonalDataWithItsKind_AndStoresCleanText()
    {
        var app = fixture.App;
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenEmployee);
        var wrong = new List<string>();
        var stored = 0;

        foreach (var (label, sentence) in Corpus())
        {
            var before = await CountAsync(app);
            var response = await api.PostAsync("/api/v1/reports", Json(sentence));
            var body = await response.Content.ReadAsStringAsync();
            var after = await CountAsync(app);
            if (label == "ren")
            {
                if (response.StatusCode != HttpStatusCode.Created || after != before + 1)
                {
                    wrong.Add($"clean refused ({(int)response.StatusCode}): {sentence} {body}");
                }
                stored++;
            }
            else if (response.StatusCode != HttpStatusCode.UnprocessableEntity || after != before || !Description(body).Contains(KindNames[label], StringComparison.Ordinal))
            {
                wrong.Add($"{label} not refused as such ({(int)response.StatusCode}): {sentence} {body}");
            }
        }

        output.WriteLine($"API: {stored} clean reports stored; {wrong.Count} wrong answers.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Corpus_ThroughTheForm_RefusesPersonalDataWithItsKind_AndStoresCleanText()
    {
        var app = fixture.App;
        var client = await app.SignedInAsync(TestAccounts.SkarholmenEmployee);
        var wrong = new List<string>();

        foreach (var (label, sentence) in Corpus())
        {
            var before = await CountAsync(app);
            var page = await client.GetPageAsync("/rapportera");
            var response = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
            {
                ["Input.Date"] = "2023-05-01",
                ["Input.PlaceType"] = "school",
                ["Input.Environment"] = "rightWing",
                ["Input.Source"] = "ownOperation",
                ["Input.Description"] = sentence,
                ["Input.Categories"] = "graffiti",
            });
            var after = await CountAsync(app);
            if (label == "ren")
            {
                if (response.StatusCode != HttpStatusCode.Redirect || after != before + 1)
                {
                    wrong.Add($"clean refused ({(int)response.StatusCode}): {sentence}");
                }
                continue;
            }
            var error = response.StatusCode == HttpStatusCode.BadRequest ? (await Html.ParseAsync(response)).QuerySelector("#Input_Description-error")?.TextContent ?? "" : "";
            if (after != before || !error.Contains(KindNames[label], StringComparison.Ordinal) || !error.Contains("tecken", StringComparison.Ordinal))
            {
                wrong.Add($"{label} not refused as such ({(int)response.StatusCode}): {sentence} → {error}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static Task<int> CountAsync(VarnFactory app) => app.WithDbAsync(db => db.Reports.CountAsync());

    private static StringContent Json(string description) => new(JsonSerializer.Serialize(new
    {
        date = "2023-05-01",
        council = "skarholmen",
        placeType = "school",
        categories = new[] { "graffiti" },
        environment = "rightWing",
        source = "ownOperation",
        description,
        actionsTaken = new[] { "informedManager" },
        reporterContact = (string?)null,
    }), Encoding.UTF8, "application/json");

    private static string Description(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty("description", out var description) ? description[0].GetString() ?? "" : "";
    }
}
