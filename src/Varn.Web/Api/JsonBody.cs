using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Varn.Web.Api;

/// <summary>A request's JSON object with its reader and the problems found while reading it; refused whole when too large or not an object.</summary>
public sealed class JsonBody : IDisposable
{
    private readonly JsonDocument document;

    private JsonBody(JsonDocument document)
    {
        this.document = document;
        Reader = new JsonReader(document.RootElement, Errors, "");
    }

    public Dictionary<string, string> Errors { get; } = [];
    public JsonReader Reader { get; }
    public JsonElement Root => document.RootElement;

    /// <summary>
    /// The request body as a JSON object (or, with <paramref name="kind"/>, a list), or the refusal: 413 above
    /// <paramref name="maxBytes"/>, 400 when it is not what was asked for.
    /// </summary>
    public static async Task<(JsonBody? Body, ProblemHttpResult? Refusal)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken, JsonValueKind kind = JsonValueKind.Object)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > maxBytes)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }
        try
        {
            var json = JsonDocument.Parse(buffer.ToArray());
            if (json.RootElement.ValueKind == kind)
            {
                return (new JsonBody(json), null);
            }
            json.Dispose();
        }
        catch (JsonException)
        {
        }
        return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "Förfrågan kunde inte läsas", "$",
            kind == JsonValueKind.Array ? "Förfrågan ska vara en JSON-lista." : "Förfrågan ska vara ett JSON-objekt."));
    }

    /// <summary>400 with every field that could not be read, or null when all could.</summary>
    public ProblemHttpResult? Unreadable(string title) => Errors.Count > 0 ? ApiProblems.Problem(StatusCodes.Status400BadRequest, title, Errors) : null;

    public void Dispose() => document.Dispose();
}
