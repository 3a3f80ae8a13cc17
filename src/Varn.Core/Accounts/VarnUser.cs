using Microsoft.AspNetCore.Identity;

namespace Varn.Core.Accounts;

public class VarnUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The time step of the last authenticator code accepted: no code of that step or an earlier one is accepted again.</summary>
    public long? AuthenticatorStepUsed { get; set; }
}

public sealed class VarnUserConfiguration : IEntityTypeConfiguration<VarnUser>
{
    public void Configure(EntityTypeBuilder<VarnUser> e) => e.Property(x => x.DisplayName).HasMaxLength(200);
}
