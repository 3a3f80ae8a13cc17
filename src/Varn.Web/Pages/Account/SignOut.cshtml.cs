using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Varn.Core.Accounts;
using Varn.Core.Audit;
using Varn.Web.Infrastructure;

namespace Varn.Web.Pages.Account;

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
