using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Varn.Core.Accounts;
using Varn.Core.Audit;
using Varn.Core.Organisation;
using Varn.Core.Plans;

namespace Varn.Core.Data;

public class VarnDbContext(DbContextOptions<VarnDbContext> options) : IdentityUserContext<VarnUser>(options), IDataProtectionKeyContext
{
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<PoliceArea> PoliceAreas => Set<PoliceArea>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<ActionPlan> Plans => Set<ActionPlan>();
    public DbSet<PlanSection> PlanSections => Set<PlanSection>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<TemplateSection> TemplateSections => Set<TemplateSection>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Municipality>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
        });

        builder.Entity<Council>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Short).HasMaxLength(100);
            e.HasIndex(x => x.Short).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<PoliceArea>(e => e.Property(x => x.Name).HasMaxLength(200));
        builder.Entity<Department>(e => e.Property(x => x.Name).HasMaxLength(200));
        builder.Entity<Unit>(e => e.Property(x => x.Name).HasMaxLength(200));

        builder.Entity<ActionPlan>(e =>
        {
            e.ToTable("Plans");
            e.HasIndex(x => new { x.CouncilId, x.Year }).IsUnique();
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Diarienummer).HasMaxLength(100);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.RevisedFrom).WithMany().OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<PlanSection>(e =>
        {
            e.HasIndex(x => new { x.PlanId, x.Key }).IsUnique();
            e.Property(x => x.Key).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<Activity>(e =>
        {
            e.HasIndex(x => new { x.PlanId, x.Area, x.Order });
            e.Property(x => x.Area).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Responsible).HasMaxLength(1000);
            e.Property(x => x.Schedule).HasMaxLength(500);
            e.Property(x => x.FollowUp).HasMaxLength(1000);
            e.Property(x => x.StatusComment).HasMaxLength(4000);
            e.Property(x => x.Partners)
                .HasConversion(
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                    v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>(),
                    new ValueComparer<List<string>>(
                        (a, b) => a!.SequenceEqual(b!),
                        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
                        v => v.ToList()))
                .HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.CarriedFrom).WithMany().OnDelete(DeleteBehavior.SetNull);
            e.HasOne(x => x.ResponsibleUnit).WithMany().OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<StageChange>(e =>
        {
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ChangedBy).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(1000);
        });

        builder.Entity<TemplateSection>(e =>
        {
            e.HasIndex(x => new { x.MunicipalityId, x.Key }).IsUnique();
            e.Property(x => x.Key).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<VarnUser>(e => e.Property(x => x.DisplayName).HasMaxLength(200));

        builder.Entity<RoleAssignment>(e =>
        {
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(40);
            e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Council).WithMany().OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Unit).WithMany().OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UserId, x.Role, x.CouncilId, x.UnitId }).IsUnique();
        });

        builder.Entity<ApiToken>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Hint).HasMaxLength(20);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.Sequence).IsUnique();
            e.HasIndex(x => x.At);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.ActorId).HasMaxLength(450);
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.Entity).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Summary).HasMaxLength(1000);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
    }
}
