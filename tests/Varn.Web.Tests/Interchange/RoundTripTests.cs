using System.Net;
using System.Text;
using Varn.Core.Accounts;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Interchange;

/// <summary>Export → import into an empty database → export gives the same document, on each database.</summary>
public class RoundTripTests
{
    public static TheoryData<string, int> SeedPlans => new()
    {
        { "skarholmen", 2017 },
        { "hasselby-vallingby", 2017 },
        { "skarholmen", 2019 },
    };

    [Theory]
    [MemberData(nameof(SeedPlans))]
    public async Task ExportImportExport_OnSqlite_GivesTheSameDocument(string council, int year)
    {
        using var source = new VarnFactory();
        using var target = VarnFactory.Empty();
        await AssertRoundTripAsync(source, target, council, year);
    }

    [Theory]
    [MemberData(nameof(SeedPlans))]
    public async Task ExportImportExport_OnPostgres_GivesTheSameDocument(string council, int year)
    {
        using var source = new VarnFactory(demo: true, postgresConnectionString: await Postgres.CreateDatabaseAsync());
        using var target = new VarnFactory(demo: false, postgresConnectionString: await Postgres.CreateDatabaseAsync());
        await AssertRoundTripAsync(source, target, council, year);
    }

    private static async Task AssertRoundTripAsync(VarnFactory source, VarnFactory target, string council, int year)
    {
        await target.CreateAccountAsync("central@stad.example", Role.CentralCoordinator);
        var reader = await source.ApiClientAsync(TestAccounts.Central);
        var writer = await target.ApiClientAsync("central@stad.example");
        var first = await reader.GetStringAsync($"/api/v1/plans/{council}/{year}");

        var import = await writer.PostAsync("/api/v1/plans", new StringContent(first, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        var second = await writer.GetStringAsync($"/api/v1/plans/{council}/{year}");

        Assert.Equal(first, second);
        Assert.Contains("\"scheduleParsed\"", first);
    }
}
