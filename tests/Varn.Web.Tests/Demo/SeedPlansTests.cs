using System.Text.RegularExpressions;
using Varn.Core.Plans.Interchange;
using Varn.Core.Plans;
using Varn.Core.Accounts;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Demo;

/// <summary>The seed plans are the test data of record: Värn must hold each of them completely.</summary>
public partial class SeedPlansTests : IClassFixture<SeedPlansTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public VarnFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private readonly VarnFactory app;

    public SeedPlansTests(Fixture fixture) => app = fixture.App;

    [Theory]
    [InlineData("skarholmen", 2017, 15, "organisation:1 situationPicture:1 prevention:6 hindering:4 competence:2 followUp:1")]
    [InlineData("hasselby-vallingby", 2017, 14, "prevention:12 hindering:2")]
    [InlineData("skarholmen", 2019, 30, "prevention:14 hindering:7 grantsAndPremises:3 competence:6")]
    public async Task DemoStart_LoadsEverySeedActivityInItsArea(string council, int year, int total, string perArea)
    {
        var areas = await app.WithDbAsync(db => db.Activities
            .Where(a => a.Plan!.Council!.Short == council && a.Plan.Year == year)
            .GroupBy(a => a.Area)
            .Select(g => new { Area = g.Key, Count = g.Count() })
            .ToListAsync());

        Assert.Equal(total, areas.Sum(a => a.Count));
        Assert.Equal(perArea, string.Join(" ", areas.OrderBy(a => a.Area).Select(a => $"{Codes.Of(a.Area)}:{a.Count}")));
    }

    [Theory]
    [InlineData("skarholmen-2017.json", "000_bb0483f0f33bcd6d.txt")]
    [InlineData("hasselby-vallingby-2017.json", "001_28adaf15c13debf5.txt")]
    [InlineData("skarholmen-2019.json", "002_c4445a9dd0847f0f.txt")]
    public void SeedFile_HoldsTheDocumentsOwnWords(string planFile, string seedFile)
    {
        var (plan, errors) = PlanDocumentReader.Read(DemoPlans.ReadSeedPlan(planFile));
        Assert.Empty(errors);
        var raw = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", seedFile));
        var seed = Squash(raw);
        // A page's footnotes stand between the two halves of a paragraph that runs over the page break.
        var seedWithoutFootnotes = Squash(FootnoteLine().Replace(raw, ""));

        foreach (var activity in plan!.Activities)
        {
            Assert.True(seed.Contains(Squash(activity.Text), StringComparison.Ordinal), $"Activity text not in the seed: {activity.Text}");
            Assert.True(seed.Contains(Squash(activity.Responsible), StringComparison.Ordinal), $"Responsible not in the seed: {activity.Responsible}");
            Assert.True(activity.Schedule is null || seed.Contains(Squash(activity.Schedule), StringComparison.Ordinal), $"Schedule not in the seed: {activity.Schedule}");
            Assert.True(activity.FollowUp is null || seed.Contains(Squash(activity.FollowUp), StringComparison.Ordinal), $"Follow-up not in the seed: {activity.FollowUp}");
            Assert.All(activity.Partners, partner => Assert.True(seed.Contains(Squash(partner), StringComparison.Ordinal), $"Partner not in the seed: {partner}"));
        }

        foreach (var key in SectionKeys.InOrder)
        {
            foreach (var paragraph in Paragraphs(plan.Section(key)))
            {
                var squashed = Squash(paragraph);
                Assert.True(seed.Contains(squashed, StringComparison.Ordinal) || seedWithoutFootnotes.Contains(squashed, StringComparison.Ordinal), $"{key}: paragraph not in the seed: {paragraph[..Math.Min(80, paragraph.Length)]}");
            }
        }
    }

    [Fact]
    public async Task SeedPlans_KeepTheirSectionTextsAndFootnotes()
    {
        var sections = await app.WithDbAsync(db => db.PlanSections
            .Where(s => s.Plan!.Council!.Short == "skarholmen" && s.Plan.Year == 2019)
            .ToDictionaryAsync(s => s.Key, s => s.Text));

        Assert.All(SectionKeys.InOrder, key => Assert.False(string.IsNullOrWhiteSpace(sections[key]), $"{key} is empty"));
        Assert.Contains("[^2]: Dnr 155-943/2015", sections[SectionKey.Introduction]);
        Assert.Contains("Följande har framkommit i framtagandet av den lokala lägesbilden:", sections[SectionKey.SituationMapping]);
        Assert.Contains("# Avhopparverksamhet", sections[SectionKey.Hindering]);
        Assert.Contains("# Stöd till anhöriga", sections[SectionKey.Hindering]);
    }

    // Text extracted from PDF breaks lines and words inside table cells: compare without white space, hyphens and
    // footnote markers, and without the Markdown the transcription adds.
    private static string Squash(string text) => Noise().Replace(text, "").ToLowerInvariant();

    private static IEnumerable<string> Paragraphs(string markdown) =>
        markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(block => block.Split('\n'))
            .Select(line => MarkdownSyntax().Replace(line, ""))
            .Where(line => line.Length > 0);

    [GeneratedRegex(@"[\s\-–\u00AD*¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\^\d+\]|<i>|</i>")]
    private static partial Regex Noise();

    [GeneratedRegex(@"^[¹²³⁴⁵⁶⁷⁸⁹].*$", RegexOptions.Multiline)]
    private static partial Regex FootnoteLine();

    [GeneratedRegex(@"^(#+ |- |\[\^\d+\]: )|\[\^\d+\]|\*")]
    private static partial Regex MarkdownSyntax();
}
