using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>Reads pages with AngleSharp and submits their real forms, antiforgery token and all.</summary>
public static class Html
{
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {expected}, got {response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New();
        var document = await context.OpenAsync(request => request.Content(content).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }

    /// <summary>Fills the named fields of the form and submits it as a browser would, with the given button.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null, IHtmlElement? submitter = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            // Checkboxes and radio buttons: check the ones whose value is given ("a,b" for several), uncheck the rest.
            var choices = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == name && i.Type is "checkbox" or "radio").ToList();
            if (choices.Count > 0)
            {
                var chosen = value.Split(',');
                foreach (var choice in choices)
                {
                    choice.IsChecked = chosen.Contains(choice.Value);
                }
                Assert.True(chosen.All(c => choices.Any(i => i.Value == c)), $"The form has no {name} choice with value {value}.");
                continue;
            }
            switch (form.Elements[name])
            {
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlTextAreaElement area:
                    area.Value = value;
                    break;
                case IHtmlSelectElement select:
                    select.Value = value;
                    Assert.True(select.Value == value, $"The select {name} has no option {value}.");
                    break;
                default:
                    Assert.Fail($"The form has no field named {name}.");
                    break;
            }
        }

        var submission = (submitter is null ? form.GetSubmission() : form.GetSubmission(submitter))
            ?? throw new InvalidOperationException("The form cannot be submitted.");
        var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(submission.Method.ToString()), submission.Target.Href);
        if (submission.Method == AngleSharp.Io.HttpMethod.Post)
        {
            request.Content = new StreamContent(submission.Body);
            foreach (var header in submission.Headers)
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
        return await client.SendAsync(request);
    }

    public static IHtmlFormElement Form(this IHtmlDocument document, string selector = "main form[method=post]") =>
        document.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form matches {selector}.");

    public static string AntiforgeryToken(this IHtmlDocument document) =>
        (document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"Expected a redirect, got {response.StatusCode}.");

    public static MediaTypeHeaderValue Json => new("application/json");
}
