using Varn.Core.Privacy;
using Xunit.Abstractions;

namespace Varn.Core.Tests.Privacy;

public class PersonalDataGuardTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, PersonalDataKind> Kinds = new()
    {
        ["personnummer"] = PersonalDataKind.PersonalIdentityNumber,
        ["samordningsnummer"] = PersonalDataKind.CoordinationNumber,
        ["telefonnummer"] = PersonalDataKind.PhoneNumber,
        ["e-postadress"] = PersonalDataKind.Email,
        ["gatuadress"] = PersonalDataKind.StreetAddress,
        ["registreringsnummer"] = PersonalDataKind.VehicleRegistration,
    };

    public static IEnumerable<(string Label, string Sentence)> Corpus() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Privacy", "corpus.txt"))
            .Where(line => !line.StartsWith('#') && line.Contains('\t'))
            .Select(line => (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]));

    [Fact]
    public void Corpus_MeetsTheBar_RecallAtLeast99AndFalsePositivesAtMost1Percent()
    {
        var corpus = Corpus().ToList();
        var withData = corpus.Where(c => c.Label != "ren").ToList();
        var clean = corpus.Where(c => c.Label == "ren").ToList();

        var missed = withData.Where(c => !PersonalDataGuard.Find(c.Sentence).Any(h => h.Kind == Kinds[c.Label])).ToList();
        var falsePositives = clean.Select(c => (c.Sentence, Hits: PersonalDataGuard.Find(c.Sentence))).Where(c => c.Hits.Count > 0).ToList();
        var recall = 1.0 - (double)missed.Count / withData.Count;
        var falsePositiveRate = (double)falsePositives.Count / clean.Count;

        output.WriteLine($"Corpus: {corpus.Count} sentences, {withData.Count} with personal data, {clean.Count} clean.");
        output.WriteLine($"Recall: {recall:P1} ({withData.Count - missed.Count}/{withData.Count}). False positives: {falsePositiveRate:P1} ({falsePositives.Count}/{clean.Count}).");
        Console.WriteLine($"Personal-data guard: recall {recall:P1}, false positives {falsePositiveRate:P1} on {corpus.Count} sentences.");
        foreach (var (label, sentence) in missed)
        {
            output.WriteLine($"MISSED {label}: {sentence}");
        }
        foreach (var (sentence, hits) in falsePositives)
        {
            output.WriteLine($"FALSE POSITIVE {string.Join(", ", hits.Select(h => h.Describe()))}: {sentence}");
        }
        Assert.True(corpus.Count >= 200, "The corpus must hold at least 200 sentences.");
        Assert.True(withData.Count >= 100 && clean.Count >= 100, "Half of the corpus with personal data, half clean.");
        Assert.True(recall >= 0.99, $"Recall {recall:P1} is below 99%: {string.Join(" | ", missed.Select(m => m.Sentence))}");
        Assert.True(falsePositiveRate <= 0.01, $"False positives {falsePositiveRate:P1} above 1%: {string.Join(" | ", falsePositives.Select(f => f.Sentence))}");
    }

    [Theory]
    [InlineData("200001012384", PersonalDataKind.PersonalIdentityNumber)]
    [InlineData("000101-2384", PersonalDataKind.PersonalIdentityNumber)]
    [InlineData("0001012384", PersonalDataKind.PersonalIdentityNumber)]
    [InlineData("000101+2384", PersonalDataKind.PersonalIdentityNumber)]
    [InlineData("070-174 06 05", PersonalDataKind.PhoneNumber)]
    [InlineData("+46 70 174 06 99", PersonalDataKind.PhoneNumber)]
    [InlineData("namn@example.com", PersonalDataKind.Email)]
    [InlineData("Exempelgatan 12", PersonalDataKind.StreetAddress)]
    [InlineData("Fiktiva allé 9", PersonalDataKind.StreetAddress)]
    [InlineData("ABC 000", PersonalDataKind.VehicleRegistration)]
    public void Find_NamesTheKindAndThePosition(string value, PersonalDataKind kind)
    {
        var text = $"Uppgiften {value} lämnades.";

        var hit = Assert.Single(PersonalDataGuard.Find(text));

        Assert.Equal((kind, 10, value.Length), (hit.Kind, hit.Index, hit.Length));
        Assert.Contains($"(tecken 11–{10 + value.Length})", hit.Describe());
    }

    [Theory]
    [InlineData("200001012385")]
    [InlineData("000101-2385")]
    [InlineData("001301-2384")]
    [InlineData("190501")]
    [InlineData("2019-05-01")]
    [InlineData("20190501")]
    [InlineData("155-943/2015")]
    [InlineData("802000-1234")]
    [InlineData("127 48")]
    [InlineData("12 500 kr")]
    [InlineData("kl. 14.30")]
    [InlineData("114 14")]
    public void Find_IgnoresNumbersThatAreNotPersonalData(string value)
    {
        Assert.Empty(PersonalDataGuard.Find($"Uppgiften {value} lämnades."));
    }

    [Fact]
    public void Refusal_NamesEveryKindFound()
    {
        var refusal = PersonalDataGuard.Refusal("Ring 070-174 06 05 eller mejla namn@example.com.", "Beskrivningen");

        Assert.Equal("Beskrivningen innehåller ett telefonnummer (tecken 6–18) och en e-postadress (tecken 32–47). Ta bort det: uppgifter som kan identifiera en person får inte sparas i Värn.", refusal);
        Assert.Null(PersonalDataGuard.Refusal("Klotter vid skolan, sanerat 2023-05-01.", "Beskrivningen"));
    }
}
