using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Varn.Core.Data;

namespace Varn.Migrations.Sqlite;

/// <summary>Used by <c>dotnet ef migrations add … --project src/Varn.Migrations.Sqlite</c> only.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<VarnDbContext>
{
    public VarnDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<VarnDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
