namespace Varn.Web.Infrastructure;

/// <summary>
/// A group of radio buttons or checkboxes in one fieldset, rendered by <c>_Choices.cshtml</c> in the accessible pattern
/// of every Värn form: legend, hint, the error tied to the fieldset, and the first input carrying the id the error
/// summary links to.
/// </summary>
public sealed record ChoiceGroup(string Name, string Legend, string? Hint, bool Several, IReadOnlyList<(string Value, string Label)> Options, IReadOnlyCollection<string> Selected)
{
    public string Id => Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(Name, "_");
}
