using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Varn.Core.Accounts;

/// <summary>
/// Checks the six-digit codes of the authenticator app, each accepted once (RFC 6238, section 5.2). Identity's own
/// provider accepts a code again for as long as it is valid, so a code seen over someone's shoulder or in a log could
/// sign in a second time. Here a code is accepted only for a time step later than the last one accepted, on Värn's clock.
/// The rest (whether the account has a key; the app, not Värn, making the codes) is Identity's.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<VarnUser>
{
    /// <summary>Codes up to two steps (60 s) before or after the present one: a phone's clock may be a little off.</summary>
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    /// <remarks>
    /// Two requests with the same code both pass the check, but only one saves: the user's concurrency stamp makes the
    /// second update fail, and with it the second sign-in.
    /// </remarks>
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<VarnUser> manager, VarnUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, Window) || step <= (user.AuthenticatorStepUsed ?? long.MinValue))
        {
            return false;
        }
        user.AuthenticatorStepUsed = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
