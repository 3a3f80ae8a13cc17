using Microsoft.AspNetCore.Mvc.Rendering;
namespace Varn.Web.Pages.Plans.Activities;

/// <summary>A page whose form edits an activity: the shared field partial binds to it.</summary>
public interface IActivityForm
{
    ActivityInput Input { get; }

    IReadOnlyList<SelectListItem> UnitItems { get; }

    IReadOnlyList<SelectListItem> RegisterItems { get; }
}
