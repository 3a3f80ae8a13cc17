using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Varn.Core.Accounts;
using Varn.Core.Data;
using Varn.Web.Startup;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Data;

/// <summary>
/// Värn's key-ring repository reads the keys with plain SQL (ADR 0024). It must find what EF Core's own repository
/// finds in the same table, on each database, and survive a row that is not a key.
/// </summary>
public abstract class KeyRingTests(DatabaseProvider database) : DataTests(database)
{
    [Fact]
    public void ReadsTheKeysThatEfCoresRepositoryReads()
    {
        var stored = new XElement("key", new XAttribute("id", Guid.NewGuid()), new XElement("creationDate", "2026-11-25T08:00:00Z"), "ö & <ä>");
        new KeyRingRepository(App.Services, NullLogger<KeyRingRepository>.Instance).StoreElement(stored, "key-test");

        var read = new KeyRingRepository(App.Services, NullLogger<KeyRingRepository>.Instance).GetAllElements();
        var efCores = new EntityFrameworkCoreXmlRepository<VarnDbContext>(App.Services, NullLoggerFactory.Instance).GetAllElements();

        Assert.Equal(efCores.Select(e => e.ToString()).Order(), read.Select(e => e.ToString()).Order());
        Assert.Contains(read, e => XNode.DeepEquals(e, stored));
    }

    [Fact]
    public async Task ARowThatIsNotXml_IsLeftOut_AndSignInStillWorks()
    {
        var before = new KeyRingRepository(App.Services, NullLogger<KeyRingRepository>.Instance).GetAllElements().Count;
        await App.WithDbAsync(async db =>
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "broken", Xml = "<key id=" });
            await db.SaveChangesAsync();
        });

        Assert.Equal(before, new KeyRingRepository(App.Services, NullLogger<KeyRingRepository>.Instance).GetAllElements().Count);
        Assert.Equal("/", (await App.Browser().SignInAsync("medarbetare.skarholmen@varn.example", DemoAccounts.Password)).Location());
    }
}

public sealed class KeyRingOnSqliteTests() : KeyRingTests(DatabaseProvider.Sqlite);

public sealed class KeyRingOnPostgresTests() : KeyRingTests(DatabaseProvider.Postgres);
