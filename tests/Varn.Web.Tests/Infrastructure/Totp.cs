using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Varn.Core.Accounts;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>The phone in the tests: RFC 6238 codes from an authenticator key, as the apps make them (Otp.NET).</summary>
public static class Totp
{
    /// <summary>The code for a key as shown on the set-up page ("abcd efgh …") or as stored.</summary>
    public static string Code(string key) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    /// <summary>The current code of the account's authenticator key, as its owner's phone shows it.</summary>
    public static Task<string> CodeForAsync(this VarnFactory app, string email) =>
        app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<VarnUser>>();
            var key = await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
            Assert.False(string.IsNullOrEmpty(key), $"{email} has no authenticator key.");
            return Code(key!);
        });
}
