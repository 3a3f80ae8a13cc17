using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Varn.Core.Accounts;
using Varn.Core.Audit;
using Varn.Core.Organisation;
using Varn.Core.Plans;
using Varn.Core.Reports;
using Varn.Core.Routine;

namespace Varn.Core.Data;

public class VarnDbContext(DbContextOptions<VarnDbContext> options) : IdentityUserContext<VarnUser>(options), IDataProtectionKeyContext
{
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<DeidentifiedReport> Reports => Set<DeidentifiedReport>();
    public DbSet<ReportCount> ReportCounts => Set<ReportCount>();
    public DbSet<RoutineText> RoutineTexts => Set<RoutineText>();
    public DbSet<KnowledgeItem> KnowledgeItems => Set<KnowledgeItem>();
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

    /// <summary>A list of codes stored as one comma-separated text column ("graffiti,stickers"), the same on every database.</summary>
    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> EnumList<T>() where T : struct, Enum =>
        new(v => string.Join(",", v.Select(x => x.ToString())),
            v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>).ToList());

    private static ValueComparer<List<T>> EnumListComparer<T>() where T : struct, Enum =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());

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

        builder.Entity<DeidentifiedReport>(e =>
        {
            e.HasIndex(x => new { x.CouncilId, x.OccurredOn });
            e.HasIndex(x => x.AssessedAt);
            e.Property(x => x.PlaceType).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Environment).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Assessment).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Categories).HasConversion(EnumList<ReportCategory>()).Metadata.SetValueComparer(EnumListComparer<ReportCategory>());
            e.Property(x => x.ActionsTaken).HasConversion(EnumList<ActionTaken>()).Metadata.SetValueComparer(EnumListComparer<ActionTaken>());
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.ReporterContact).HasMaxLength(200);
            e.Property(x => x.AssessmentNote).HasMaxLength(2000);
            e.Property(x => x.AssessedBy).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Quarter);
            e.HasOne(x => x.ReporterUnit).WithMany().OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<ReportCount>(e =>
        {
            e.HasIndex(x => new { x.CouncilId, x.Year, x.Quarter, x.Category, x.Environment, x.Assessment }).IsUnique();
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Environment).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Assessment).HasConversion<string>().HasMaxLength(40);
        });

        builder.Entity<RoutineText>(e =>
        {
            e.HasIndex(x => x.MunicipalityId).IsUnique();
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        builder.Entity<KnowledgeItem>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.Url).HasMaxLength(1000);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
        });

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
