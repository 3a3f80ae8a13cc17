using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Varn.Web.Infrastructure;

/// <summary>
/// One form field in the accessible pattern every Värn form uses: a label, an optional hint, the error message tied to
/// the control with aria-describedby and aria-invalid, and the control itself. Works without JavaScript.
/// The options of a select are given in Swedish and shown in the reader's language.
/// <code>&lt;varn-field for="Input.Text" label="Aktivitet" type="textarea" hint="…" /&gt;</code>
/// </summary>
[HtmlTargetElement("varn-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public required string Label { get; set; }

    public string? Hint { get; set; }

    /// <summary>text, email, password, textarea, select, date, number or file.</summary>
    public string Type { get; set; } = "text";

    public IEnumerable<SelectListItem>? Items { get; set; }

    public int Rows { get; set; } = 4;

    public string? Autocomplete { get; set; }

    /// <summary>The keyboard a phone shows: "numeric" for codes.</summary>
    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = TagBuilder.CreateSanitizedId(For.Name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) ? entry.Errors : null;
        var hasError = errors is { Count: > 0 };

        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add($"{id}-hint");
        }
        if (hasError)
        {
            describedBy.Add($"{id}-error");
        }
        var attributes = new Dictionary<string, object?>
        {
            ["class"] = hasError ? "control control--error" : "control",
        };
        if (describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', describedBy);
        }
        if (hasError)
        {
            attributes["aria-invalid"] = "true";
        }
        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }
        if (InputMode is not null)
        {
            attributes["inputmode"] = InputMode;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "field field--error" : "field");

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, Label, new { @class = "label" });
        output.Content.AppendHtml(label);
        if (Hint is not null)
        {
            output.Content.AppendHtml($"<p class=\"hint\" id=\"{id}-hint\">{HtmlEncoder.Default.Encode(Hint)}</p>");
        }
        if (hasError)
        {
            output.Content.AppendHtml($"<p class=\"error-message\" id=\"{id}-error\"><span class=\"visually-hidden\">{HtmlEncoder.Default.Encode(localizer["Fel:"])} </span>");
            output.Content.Append(string.Join(" ", errors!.Select(e => e.ErrorMessage)));
            output.Content.AppendHtml("</p>");
        }
        output.Content.AppendHtml(Control(attributes));
    }

    private TagBuilder Control(Dictionary<string, object?> attributes)
    {
        switch (Type)
        {
            case "textarea":
                return generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, 80, attributes);
            case "select":
                var options = (Items ?? []).Select(item => new SelectListItem(localizer[item.Text].Value, item.Value, item.Selected, item.Disabled) { Group = item.Group });
                return generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, For.Name, options, allowMultiple: false, attributes);
            case "password":
                return generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, value: null, attributes);
            case "file":
                attributes["type"] = "file";
                var file = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                file.MergeAttributes(attributes);
                file.MergeAttribute("name", For.Name);
                file.MergeAttribute("id", TagBuilder.CreateSanitizedId(For.Name, "_"));
                return file;
            default:
                attributes["type"] = Type;
                return generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, Type == "date" ? "{0:yyyy-MM-dd}" : null, attributes);
        }
    }
}
