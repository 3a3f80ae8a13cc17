using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Varn.Core.Reports;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Pages;

public partial class LanguageTests
{
    [Fact]
    public async Task SwitchingToEnglish_TranslatesTheInterface_AndSwedishStaysTheDefault()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);

        var swedish = await client.GetPageAsync("/planer/skarholmen/2019");
        var form = swedish.Form("form.language");
        var switched = await client.SubmitAsync(form, submitter: (AngleSharp.Html.Dom.IHtmlElement)form.QuerySelector("button")!);
        var english = await client.GetPageAsync("/planer/skarholmen/2019");

        Assert.Equal("sv", swedish.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Handlingsplaner", swedish.QuerySelector("nav")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Action plans", english.QuerySelector("nav")!.TextContent);
        Assert.Contains("Preventive work", english.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.Contains("Skärholmens stadsdelsnämnds handlingsplan", english.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task TheReportForm_InEnglish_AsksEveryQuestionInEnglish()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenEmployee);

        var page = await InEnglishAsync(client, "/rapportera");
        var legends = page.QuerySelectorAll("main legend").Select(l => l.TextContent.Trim()).ToList();

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("When did it happen?", legends);
        Assert.Contains("The form must not identify anyone.", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(legends, l => l.Contains("hände", StringComparison.Ordinal));
        Assert.Equal(["Choose", "Preschool", "School"], page.QuerySelectorAll("select[name='Input.PlaceType'] option").Take(3).Select(o => o.TextContent));
    }

    /// <summary>The report form's refusals come from Core in Swedish; the page shows them in the reader's language.</summary>
    [Fact]
    public async Task TheReportForm_InEnglish_RefusesInEnglish()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenEmployee);
        var form = (await InEnglishAsync(client, "/rapportera")).Form();

        var refused = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Description"] = "" });
        var summary = (await Html.ParseAsync(refused)).QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToHashSet();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            [
                "Enter when it happened: a date, or the month if you do not know the day.",
                "Choose where the information comes from.",
                "Choose the type of place.",
                "Choose at least one category.",
                "Describe what happened.",
                "Choose an environment. Choose Unclear if you do not know.",
            ],
            summary);
    }

    [Fact]
    public async Task TheReportListsFilters_InEnglish_OfferTheirChoicesInEnglish()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);

        var page = await InEnglishAsync(client, "/rapporter");
        string[] Options(string name) => page.QuerySelectorAll($"select[name='{name}'] option").Select(o => o.TextContent).ToArray();

        Assert.Equal(["Not assessed", "Assessed", "Closed", "All"], Options("Filter.Status"));
        Assert.Equal("All", Options("Filter.Category")[0]);
        Assert.Equal(Enum.GetValues<ReportCategory>().Length + 1, Options("Filter.Category").Length);
        Assert.Empty(Options("Filter.Category").Intersect(Enum.GetValues<ReportCategory>().Select(c => c.Label())));
        Assert.Empty(Options("Filter.Environment").Intersect(Enum.GetValues<ExtremistEnvironment>().Select(e => e.Label())));
    }

    /// <summary>A form's error and the confirmation after it, both written by the page model, in the reader's language.</summary>
    [Fact]
    public async Task TheFormsMessages_InEnglish_AreInEnglish()
    {
        using var app = new VarnFactory();
        var client = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var form = (await InEnglishAsync(client, "/planer/ny")).Form();
        var nextYear = app.Clock.GetUtcNow().Year + 1;

        var refused = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Council"] = "skarholmen", ["Input.Year"] = "1999" });
        var created = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Council"] = "skarholmen", ["Input.Year"] = $"{nextYear}" });
        var plan = await client.GetPageAsync(created.Location());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal($"Error: Enter a year between 2000 and {nextYear + 4}.", (await Html.ParseAsync(refused)).QuerySelector("#Input_Year-error")!.TextContent.Trim());
        Assert.Equal("The plan is created from the city's template.", plan.QuerySelector("[role=status]")!.TextContent.Trim());
    }

    /// <summary>
    /// The pages and their page models ask for texts by the Swedish wording (<c>T["…"]</c>, <c>T["Rad {0}", row]</c>);
    /// a wording without an English entry shows in Swedish to someone who chose English. Every literal wording in every
    /// page, every message a page model writes (confirmations, form errors), and every choice of a select written in
    /// Swedish for the field helper to translate (<c>new SelectListItem("Välj roll", "")</c>, <c>first: "Alla"</c>) must
    /// have one.
    /// </summary>
    [Fact]
    public void EveryWordingInThePages_HasAnEnglishTranslation()
    {
        var translated = EnglishWordings();
        var pages = Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.cs*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .ToList();

        var wordings = pages
            .SelectMany(page => Wording().Matches(File.ReadAllText(page)).Concat(Choice().Matches(File.ReadAllText(page)))
                .Select(match => (Page: Path.GetRelativePath(Web, page), Text: match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToList();

        Assert.True(wordings.Count > 1000, $"Only {wordings.Count} wordings found: has the way pages ask for texts changed?");
        var missing = wordings.Where(w => !translated.Contains(w.Text)).Select(w => $"{w.Page}: {w.Text}").Distinct().ToList();
        Assert.True(missing.Count == 0, $"No English entry for:\n{string.Join("\n", missing)}");
    }

    /// <summary>
    /// The labels of Värn's codes (categories, environments, roles, stages, forum kinds, decisions…) are shown through the
    /// same translations: every public static <c>…Label(code)</c> in Core and in the web project, nullable codes included.
    /// </summary>
    [Fact]
    public void EveryLabelOfACode_HasAnEnglishTranslation()
    {
        var translated = EnglishWordings();
        var labels = new[] { typeof(Varn.Core.Plans.PlanStage).Assembly, typeof(SharedResource).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(method => method.Name.EndsWith("Label", StringComparison.Ordinal) && method.ReturnType == typeof(string)
                && method.GetParameters() is [var code] && CodeType(code.ParameterType) is not null)
            .SelectMany(method => Enum.GetValues(CodeType(method.GetParameters()[0].ParameterType)!).Cast<object>()
                .Select(value => (Code: $"{method.DeclaringType!.Name}.{method.Name}({value.GetType().Name}.{value})", Label: (string)method.Invoke(null, [value])!)))
            .ToList();

        Assert.True(labels.Count > 100, $"Only {labels.Count} labels found: have the codes' labels moved?");
        var missing = labels.Where(l => !translated.Contains(l.Label)).Select(l => $"{l.Code}: {l.Label}").ToList();
        Assert.True(missing.Count == 0, $"No English entry for:\n{string.Join("\n", missing)}");
    }

    /// <summary>The enum a label method takes, also when it takes it nullable (<c>RoundState?</c>).</summary>
    private static Type? CodeType(Type parameter) => (Nullable.GetUnderlyingType(parameter) ?? parameter) is { IsEnum: true } code ? code : null;

    /// <summary>Chooses English with the language form on the page, then loads the page again.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> InEnglishAsync(HttpClient client, string path)
    {
        var form = (await client.GetPageAsync(path)).Form("form.language");
        await client.SubmitAsync(form, submitter: (AngleSharp.Html.Dom.IHtmlElement)form.QuerySelector("button")!);
        return await client.GetPageAsync(path);
    }

    private static string Web => Path.Combine(Repository.Root, "src", "Varn.Web");

    /// <summary>
    /// The English wordings as the app reads them, from the compiled satellite assembly rather than the .resx file: the
    /// resource compiler drops an entry whose name differs from another's only in case ("Av" beside "av"), and such an
    /// entry would then show in Swedish although the file has it.
    /// </summary>
    private static HashSet<string> EnglishWordings()
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            return localizer.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex("""T\["((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex Wording();

    [GeneratedRegex(@"(?:new SelectListItem\(|first: )""([^""]+)""")]
    private static partial Regex Choice();
}
