using System.Net;
using System.Text;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Api;

/// <summary>Every 201 names in its Location header an address that answers with what was created.</summary>
public class LocationTests
{
    [Fact]
    public async Task CreatedReportAndPlan_CanBeFetchedFromTheirLocation()
    {
        using var app = new VarnFactory();
        var employee = await app.ApiClientAsync(TestAccounts.SkarholmenEmployee);
        var coordinator = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var report = """{"date":"2024-05-01","council":"skarholmen","placeType":"school","categories":["graffiti"],"environment":"rightWing","source":"ownOperation","description":"Klotter på skolgården."}""";
        var plan = (await coordinator.GetStringAsync("/api/v1/plans/skarholmen/2019")).Replace("\"year\": 2019", "\"year\": 2034");

        var createdReport = await employee.PostAsync("/api/v1/reports", new StringContent(report, Encoding.UTF8, "application/json"));
        var createdPlan = await coordinator.PostAsync("/api/v1/plans", new StringContent(plan, Encoding.UTF8, "application/json"));

        foreach (var created in new[] { createdReport, createdPlan })
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var fetched = await coordinator.GetAsync(created.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        }
        Assert.Contains("Klotter på skolgården.", await (await coordinator.GetAsync(createdReport.Headers.Location)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync(createdReport.Headers.Location)).StatusCode);
    }
}
