using Microsoft.AspNetCore.Identity;

namespace Varn.Web.Pages.Accounts;

public class SignOutModel(SignInManager<VarnUser> signIn, AuditLog audit) : VarnPageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await audit.RecordAsync("signout", cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return Redirect("/logga-in");
    }
}
