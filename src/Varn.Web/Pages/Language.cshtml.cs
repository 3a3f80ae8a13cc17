using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varn.Web.Startup;

namespace Varn.Web.Pages;

/// <summary>Switches the UI language (Swedish or English) for this browser; formats stay Swedish.</summary>
public class LanguageModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var uiCulture = culture == "en" ? VarnPipeline.English : VarnPipeline.Swedish;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(VarnPipeline.Swedish, uiCulture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
