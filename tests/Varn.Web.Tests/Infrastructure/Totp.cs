using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Varn.Core.Accounts;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>
/// The phone in the tests: RFC 6238 codes from an authenticator key, as the apps make them (Otp.NET), on the app's
/// clock. Värn takes each code once; when the present one is used, the phone waits for the next, as a person would:
/// the app's clock moves on to the next 30-second step.
/// </summary>
public static class Totp
{
    /// <summary>The code for a key as shown on the set-up page ("abcd efgh …") or as stored, at a moment.</summary>
    public static string Code(string key, DateTimeOffset at) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(at.UtcDateTime);

    /// <summary>The code a key shows now on the app's clock: a key just set up has no used step.</summary>
    public static string CodeOf(this VarnFactory app, string key) => Code(key, app.Clock.GetUtcNow());

    /// <summary>The next unused code of the account's authenticator key, as its owner's phone shows it.</summary>
    public static Task<string> CodeForAsync(this VarnFactory app, string email) =>
        app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<VarnUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var key = await users.GetAuthenticatorKeyAsync(user);
            Assert.False(string.IsNullOrEmpty(key), $"{email} has no authenticator key.");
            var step = app.Clock.GetUtcNow().ToUnixTimeSeconds() / 30;
            if (user.AuthenticatorStepUsed is { } used && used >= step)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(30 * (used + 1 - step)));
            }
            return Code(key!, app.Clock.GetUtcNow());
        });
}
