using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Varn.Core.Data;

namespace Varn.Migrations.Postgres;

/// <summary>Used by <c>dotnet ef migrations add … --project src/Varn.Migrations.Postgres</c> only; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<VarnDbContext>
{
    public VarnDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<VarnDbContext>()
            .UseNpgsql("Host=localhost;Database=varn_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
