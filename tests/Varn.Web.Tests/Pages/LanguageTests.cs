using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
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
        var form = (await client.GetPageAsync("/rapportera")).Form("form.language");
        await client.SubmitAsync(form, submitter: (AngleSharp.Html.Dom.IHtmlElement)form.QuerySelector("button")!);

        var page = await client.GetPageAsync("/rapportera");
        var legends = page.QuerySelectorAll("main legend").Select(l => l.TextContent.Trim()).ToList();

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("When did it happen?", legends);
        Assert.Contains("The form must not identify anyone.", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(legends, l => l.Contains("hände", StringComparison.Ordinal));
        Assert.Equal(["Choose", "Preschool", "School"], page.QuerySelectorAll("select[name='Input.PlaceType'] option").Take(3).Select(o => o.TextContent));
    }

    /// <summary>
    /// The pages ask for their texts by the Swedish wording (<c>T["…"]</c>); a wording without an English entry shows in
    /// Swedish to someone who chose English. Every literal wording in every page must have one.
    /// </summary>
    [Fact]
    public void EveryWordingInThePages_HasAnEnglishTranslation()
    {
        var translated = EnglishWordings();
        var pages = Directory.EnumerateFiles(Path.Combine(Web, "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();

        var wordings = pages
            .SelectMany(page => Wording().Matches(File.ReadAllText(page))
                .Select(match => (Page: Path.GetRelativePath(Web, page), Text: match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToList();

        Assert.True(wordings.Count > 1000, $"Only {wordings.Count} wordings found: has the way pages ask for texts changed?");
        Assert.Empty(wordings.Where(w => !translated.Contains(w.Text)).Select(w => $"{w.Page}: {w.Text}"));
    }

    /// <summary>The labels of Värn's codes (categories, environments, roles, stages…) are shown through the same translations.</summary>
    [Fact]
    public void EveryLabelOfACode_HasAnEnglishTranslation()
    {
        var translated = EnglishWordings();
        var labels = typeof(Varn.Core.Plans.PlanStage).Assembly.GetExportedTypes()
            .Where(type => type.IsAbstract && type.IsSealed)
            .SelectMany(type => type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(method => method.Name == "Label" && method.ReturnType == typeof(string) && method.GetParameters() is [{ ParameterType.IsEnum: true }])
            .SelectMany(method => Enum.GetValues(method.GetParameters()[0].ParameterType).Cast<object>()
                .Select(value => (Code: $"{value.GetType().Name}.{value}", Label: (string)method.Invoke(null, [value])!)))
            .ToList();

        Assert.True(labels.Count > 60, $"Only {labels.Count} labels found: have the codes' labels moved?");
        Assert.Empty(labels.Where(l => !translated.Contains(l.Label)).Select(l => $"{l.Code}: {l.Label}"));
    }

    private static string Web => Path.Combine(Repository.Root, "src", "Varn.Web");

    private static HashSet<string> EnglishWordings() =>
        XDocument.Load(Path.Combine(Web, "Resources", "SharedResource.en.resx")).Root!
            .Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("""T\["((?:[^"\\]|\\.)*)"\]""")]
    private static partial Regex Wording();
}
