namespace Varn.Web.Startup;

/// <summary>The settings under "Varn" in configuration (environment variables <c>Varn__…</c>).</summary>
public sealed class VarnOptions
{
    public const string Section = "Varn";

    /// <summary>Demo mode: the seed plans and demo accounts are loaded at start. Never in production.</summary>
    public bool Demo { get; set; }
}
