using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Varn.Core.Accounts;

/// <summary>
/// Identity's store, with one change: when another request saved the account first (its concurrency stamp moved on),
/// the refused update is dropped and the account read again. Identity reports such a conflict as a failed result but
/// leaves the stale change tracked, so the next save of the request (a failed sign-in counted, the audit row written)
/// threw on the same row. Two sign-ins of one account at the same moment got a 500 that way.
/// </summary>
public sealed class VarnUserStore(VarnDbContext context, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<VarnUser, VarnDbContext>(context, describer)
{
    public override async Task<IdentityResult> UpdateAsync(VarnUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.UpdateAsync(user, cancellationToken);
        if (!result.Succeeded)
        {
            await Context.Entry(user).ReloadAsync(cancellationToken);
        }
        return result;
    }
}
