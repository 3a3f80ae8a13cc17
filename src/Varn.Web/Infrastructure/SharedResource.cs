namespace Varn.Web;

/// <summary>
/// Marker for the shared UI strings. The key of each string is its Swedish text; Resources/SharedResource.en.resx
/// gives the English. A string without an English entry shows in Swedish.
/// </summary>
public sealed class SharedResource;
