using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varn.Web.Infrastructure;

/// <summary>
/// The choices of a select for one of Värn's codes: every value in declaration order, with its Swedish label as text and
/// its code as value. The field tag helper shows the texts in the reader's language.
/// </summary>
public static class CodeChoices
{
    /// <param name="label">The value's Swedish label, e.g. <c>v => v.Label()</c>.</param>
    /// <param name="first">A first choice without a value, e.g. "Välj" or "Alla"; none when null.</param>
    public static IReadOnlyList<SelectListItem> Of<TCode>(Func<TCode, string> label, string? first = null) where TCode : struct, Enum
    {
        var items = Enum.GetValues<TCode>().Select(value => new SelectListItem(label(value), Codes.Of(value)));
        return (first is null ? items : items.Prepend(new SelectListItem(first, ""))).ToList();
    }
}
