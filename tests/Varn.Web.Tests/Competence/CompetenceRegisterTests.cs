using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Varn.Web.Tests.Infrastructure;

namespace Varn.Web.Tests.Competence;

/// <summary>Training completion: figures per unit and course, imported all or nothing with every bad row named, rates per unit and council.</summary>
public class CompetenceRegisterTests : IDisposable
{
    private const string Mandatory = "Stadens webbutbildning om våldsbejakande extremism";
    private readonly VarnFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task ACsvWithBadRows_IsRefusedWhole_EachRowAndFieldNamed_TheYearUnchanged()
    {
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var year = app.Clock.Today().Year - 1;
        var before = await CountsAsync(year);
        var csv = $"enhet;kurs;anställda;genomfört\nSocialtjänsten;{Mandatory};40;30\nParkleken;{Mandatory};10;12\nEnheten som inte finns;{Mandatory};5;5\n";

        var refused = await UploadAsync(coordinator, year, csv);
        var messages = (await Html.ParseAsync(refused)).QuerySelectorAll("#Upload-error li").Select(li => li.TextContent).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(messages, m => m.StartsWith("Rad 3, kolumnen completed:", StringComparison.Ordinal) && m.Contains("Fler har genomfört"));
        Assert.Contains(messages, m => m.StartsWith("Rad 4, kolumnen unit:", StringComparison.Ordinal) && m.Contains("Enheten som inte finns"));
        Assert.Equal(2, messages.Count);
        Assert.Equal(before, await CountsAsync(year));
    }

    [Fact]
    public async Task AGoodCsv_IsPreviewed_ThenReplacesTheYear_AndTheRatesFollow()
    {
        var coordinator = await app.SignedInAsync(TestAccounts.SkarholmenCoordinator);
        var year = app.Clock.Today().Year - 1;
        var csv = $"unit,course,staff,completed\nSocialtjänsten,{Mandatory},40,30\nParkleken,{Mandatory},10,10\n";

        var preview = await UploadAsync(coordinator, year, csv);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.NotEqual((2, 50, 40), await CountsAsync(year));
        var saved = await coordinator.SubmitAsync((await Html.ParseAsync(preview)).Forms.Single(f => f.Action.Contains("handler=Confirm")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((2, 50, 40), await CountsAsync(year));
        var api = await app.ApiClientAsync(TestAccounts.SkarholmenReader);
        var figures = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/competence/skarholmen/{year}")).RootElement;
        Assert.Equal(80, figures.GetProperty("total").GetProperty("rate").GetInt32());
        Assert.Equal(75, figures.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "Socialtjänsten").GetProperty("rate").GetInt32());
    }

    [Fact]
    public async Task Put_IsAllOrNothing_TheUnitManagerOnlyForTheirUnit()
    {
        var year = app.Clock.Today().Year;
        var coordinator = await app.ApiClientAsync(TestAccounts.SkarholmenCoordinator);
        var manager = await app.ApiClientAsync(TestAccounts.SkarholmenUnitManager);

        var refused = await coordinator.PutAsync($"/api/v1/competence/skarholmen/{year}", Json(new object[]
        {
            new { unit = "Socialtjänsten", course = Mandatory, staff = 40, completed = 30 },
            new { unit = "Parkleken", course = "Okänd kurs", staff = 5, completed = 1 },
        }));
        var otherUnit = await manager.PutAsync($"/api/v1/competence/skarholmen/{year}", Json(new object[] { new { unit = "Parkleken", course = Mandatory, staff = 5, completed = 1 } }));
        var ownUnit = await manager.PutAsync($"/api/v1/competence/skarholmen/{year}", Json(new object[] { new { unit = "Socialtjänsten", course = Mandatory, staff = 41, completed = 33 } }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("rows[1].course", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownUnit.StatusCode);
        var rows = await app.WithDbAsync(db => db.Completions.Where(c => c.Unit!.Council!.Short == "skarholmen" && c.Year == year).Select(c => new { c.Unit!.Name, c.Staff, c.Completed }).ToListAsync());
        Assert.Contains(rows, r => r.Name == "Socialtjänsten" && r.Staff == 41 && r.Completed == 33);
        Assert.Contains(rows, r => r.Name == "Parkleken");
    }

    private Task<(int Rows, int Staff, int Completed)> CountsAsync(int year) => app.WithDbAsync(async db =>
    {
        var rows = await db.Completions.Where(c => c.Unit!.Council!.Short == "skarholmen" && c.Year == year).ToListAsync();
        return (rows.Count, rows.Sum(r => r.Staff), rows.Sum(r => r.Completed));
    });

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int year, string csv)
    {
        var page = await client.GetPageAsync($"/kompetens?council=skarholmen&year={year}");
        var form = page.Forms.Single(f => f.Action.Contains("handler=Import"));
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "larplattformen.csv");
        return await client.PostAsync(form.Action, content);
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
