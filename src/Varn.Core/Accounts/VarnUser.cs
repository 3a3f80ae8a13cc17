using Microsoft.AspNetCore.Identity;

namespace Varn.Core.Accounts;

public class VarnUser : IdentityUser
{
    public required string DisplayName { get; set; }
}
