using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Varn.Core.Rendering;

/// <summary>
/// Renders the Markdown of section texts to HTML that is safe to show: raw HTML in the text is escaped (shown as
/// text, never run), and the result is sanitised so that only plain formatting and http(s)/mailto links remain.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseFootnotes()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <param name="markdown">The text.</param>
    /// <param name="headingOffset">Added to every heading level, so that "#" in a section sits under the section's own heading.</param>
    /// <param name="idPrefix">Makes footnote anchors unique when several texts are shown on one page.</param>
    public static string ToHtml(string? markdown, int headingOffset = 0, string idPrefix = "")
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
        }
        var html = document.ToHtml(Pipeline);
        if (idPrefix.Length > 0)
        {
            html = html
                .Replace("id=\"fn:", $"id=\"{idPrefix}fn:", StringComparison.Ordinal)
                .Replace("id=\"fnref:", $"id=\"{idPrefix}fnref:", StringComparison.Ordinal)
                .Replace("href=\"#fn:", $"href=\"#{idPrefix}fn:", StringComparison.Ordinal)
                .Replace("href=\"#fnref:", $"href=\"#{idPrefix}fnref:", StringComparison.Ordinal);
        }
        return Sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        return sanitizer;
    }
}
