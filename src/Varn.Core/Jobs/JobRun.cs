namespace Varn.Core.Jobs;

/// <summary>
/// That a background job has run for a period (the retention purge for a day, a reminder round for a deadline).
/// Every instance of Värn runs the same jobs; the first to write the row does the work, the others see it and skip.
/// </summary>
public sealed class JobRun
{
    public int Id { get; set; }

    public required string Job { get; set; }

    public required string Period { get; set; }

    public required string Instance { get; set; }

    public DateTime StartedAt { get; set; }
}

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.Property(r => r.Job).HasMaxLength(100);
        builder.Property(r => r.Period).HasMaxLength(100);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.HasIndex(r => new { r.Job, r.Period }).IsUnique();
    }
}

/// <summary>Claims a job's period for this instance: true for exactly one of the instances that try, however many start together.</summary>
public static class JobClaims
{
    /// <summary>This process, as it signs its claims.</summary>
    public static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}" is var name && name.Length > 200 ? name[..200] : name;

    public static async Task<bool> TryClaimAsync(VarnDbContext db, string job, string period, TimeProvider clock, CancellationToken cancellationToken)
    {
        db.JobRuns.Add(new JobRun { Job = job, Period = period, Instance = Instance, StartedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
