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

    public static async Task<(JsonBody? Body, ProblemHttpResult? Refusal)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var (json, refusal) = await JsonReader.ReadObjectAsync(request, maxBytes, cancellationToken);
        return json is null ? (null, refusal) : (new JsonBody(json), null);
    }

    /// <summary>400 with every field that could not be read, or null when all could.</summary>
    public ProblemHttpResult? Unreadable(string title) => Errors.Count > 0 ? ApiProblems.Problem(StatusCodes.Status400BadRequest, title, Errors) : null;

    public void Dispose() => document.Dispose();
}
