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

    public static IEnumerable<(string Label, string Sentence)> Read(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Privacy", file))
            .Where(line => !line.StartsWith('#') && line.Contains('\t'))
            .Select(line => (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]));

    public static IEnumerable<(string Label, string Sentence)> Corpus() => Read("corpus.txt");

    /// <summary>The tuning corpus, and the held-out set written before the guard was tuned for Word and phone text.</summary>
    [Theory]
    [InlineData("corpus.txt", 200)]
    [InlineData("heldout.txt", 80)]
    public void Set_MeetsTheBar_RecallAtLeast99AndFalsePositivesAtMost1Percent(string file, int least)
    {
        var set = Read(file).ToList();
        var withData = set.Where(c => c.Label != "ren").ToList();
        var clean = set.Where(c => c.Label == "ren").ToList();

        var missed = withData.Where(c => !PersonalDataGuard.Find(c.Sentence).Any(h => h.Kind == Kinds[c.Label])).ToList();
        var falsePositives = clean.Select(c => (c.Sentence, Hits: PersonalDataGuard.Find(c.Sentence))).Where(c => c.Hits.Count > 0).ToList();
        var recall = 1.0 - (double)missed.Count / withData.Count;
        var falsePositiveRate = (double)falsePositives.Count / clean.Count;

        var summary = $"Personal-data guard on {file}: recall {recall:P1} ({withData.Count - missed.Count}/{withData.Count}), false positives {falsePositiveRate:P1} ({falsePositives.Count}/{clean.Count}).";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var (label, sentence) in missed)
        {
            output.WriteLine($"MISSED {label}: {sentence}");
        }
        foreach (var (sentence, hits) in falsePositives)
        {
            output.WriteLine($"FALSE POSITIVE {string.Join(", ", hits.Select(h => h.Describe()))}: {sentence}");
        }
        Assert.True(set.Count >= least, $"{file} must hold at least {least} sentences.");
        Assert.True(withData.Count >= least / 2 && clean.Count >= least / 2, "Half of the set with personal data, half clean.");
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

    [Theory]
    [InlineData("Eleven 000101\u20132384 hotade.", PersonalDataKind.PersonalIdentityNumber, "000101\u20132384")]
    [InlineData("Eleven 000101\u20112384 hotade.", PersonalDataKind.PersonalIdentityNumber, "000101\u20112384")]
    [InlineData("Pnr:200001012384 stod i mejlet.", PersonalDataKind.PersonalIdentityNumber, "200001012384")]
    [InlineData("Pnr 20000101 - 2384 stod i mejlet.", PersonalDataKind.PersonalIdentityNumber, "20000101 - 2384")]
    [InlineData("Pnr 000101\u00AD-2384 med mjukt bindestreck.", PersonalDataKind.PersonalIdentityNumber, "000101\u00AD-2384")]
    [InlineData("Ring 070\u2013174 06 47 i kväll.", PersonalDataKind.PhoneNumber, "070\u2013174 06 47")]
    [InlineData("Ring 070/1740605 i kväll.", PersonalDataKind.PhoneNumber, "070/1740605")]
    [InlineData("Ring +46 (0)70 174 06 08 i kväll.", PersonalDataKind.PhoneNumber, "+46 (0)70 174 06 08")]
    [InlineData("Ring 0046\u00A070 174 06 09 i kväll.", PersonalDataKind.PhoneNumber, "0046\u00A070 174 06 09")]
    [InlineData("De bor på exempelgatan 12 lgh 1102.", PersonalDataKind.StreetAddress, "exempelgatan 12 lgh 1102")]
    [InlineData("De bor på Exempelgatan 3 B, 2 tr.", PersonalDataKind.StreetAddress, "Exempelgatan 3 B, 2 tr")]
    [InlineData("Bilen med regnr abc 12d stod kvar.", PersonalDataKind.VehicleRegistration, "abc 12d")]
    public void Find_ReadsTextAsWordAndPhonesWriteIt_AndPointsIntoTheOriginal(string text, PersonalDataKind kind, string found)
    {
        var hit = Assert.Single(PersonalDataGuard.Find(text));

        Assert.Equal(kind, hit.Kind);
        Assert.Equal(found, text.Substring(hit.Index, hit.Length));
    }

    [Theory]
    [InlineData("Mötet hölls på Kista torg 12 maj.")]
    [InlineData("Handlingsplan 2 antogs.")]
    [InlineData("Betala till bankgiro 5050-1055.")]
    [InlineData("Öppet 08.30\u201317.00 och 08 30 \u2013 17 00.")]
    [InlineData("Enligt lagen (1990:52) om vård av unga.")]
    [InlineData("Vid genomgången 2 veckor senare.")]
    [InlineData("Skolan ligger vid abc 123 enligt kartan.")]
    [InlineData("Organisationsnummer 212000-0142.")]
    public void Find_LeavesCleanTextThatLooksLikePersonalData(string text)
    {
        Assert.Empty(PersonalDataGuard.Find(text));
    }

    [Fact]
    public void Find_AStreetStartingInsideACandidateThatIsNoStreet_IsStillFound()
    {
        // "Kalle 12, 2 tr" is a candidate without a street, and its floor "tr" is also the first word of "tr allé 3".
        // The search goes on one character after such a candidate, not after its end (ADR 0025).
        const string text = "Hos Kalle 12, 2 tr allé 3 i går.";

        var hit = Assert.Single(PersonalDataGuard.Find(text));

        Assert.Equal((PersonalDataKind.StreetAddress, text.IndexOf("tr allé", StringComparison.Ordinal), "tr allé 3".Length), (hit.Kind, hit.Index, hit.Length));
    }

    [Fact]
    public void Refusal_NamesEveryKindFound()
    {
        var refusal = PersonalDataGuard.Refusal("Ring 070-174 06 05 eller mejla namn@example.com.", "Beskrivningen");

        Assert.Equal("Beskrivningen innehåller ett telefonnummer (tecken 6–18) och en e-postadress (tecken 32–47). Ta bort det: uppgifter som kan identifiera en person får inte sparas i Värn.", refusal);
        Assert.Null(PersonalDataGuard.Refusal("Klotter vid skolan, sanerat 2023-05-01.", "Beskrivningen"));
    }
}
