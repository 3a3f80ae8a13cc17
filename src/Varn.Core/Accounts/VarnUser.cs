using Microsoft.AspNetCore.Identity;

namespace Varn.Core.Accounts;

public class VarnUser : IdentityUser
{
    public required string DisplayName { get; set; }
}

public sealed class VarnUserConfiguration : IEntityTypeConfiguration<VarnUser>
{
    public void Configure(EntityTypeBuilder<VarnUser> e) => e.Property(x => x.DisplayName).HasMaxLength(200);
}
