using Varn.Core.Organisation;

namespace Varn.Core.Routine;

/// <summary>The routine for concern or an event (DESIGN C15): who to tell and in which order, when to call the police.</summary>
public class RoutineText
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public string Text { get; set; } = "";
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A link or an uploaded document in the knowledge bank.</summary>
public class KnowledgeItem
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
