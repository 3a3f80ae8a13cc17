using Microsoft.AspNetCore.Identity;

namespace Varn.Core.Accounts;

public static class AuthenticatorKeys
{
    /// <summary>
    /// A new authenticator key for the account (set-up, reset, turning two-factor off). The used time step belonged to the
    /// old key and is forgotten with it, so the new key's first code is taken even within the same 30 seconds.
    /// </summary>
    public static Task<IdentityResult> ReplaceAuthenticatorKeyAsync(this UserManager<VarnUser> users, VarnUser user)
    {
        user.AuthenticatorStepUsed = null;
        return users.ResetAuthenticatorKeyAsync(user);
    }
}
