namespace StanceBoard.Dashboard.Auth;

/// <summary>
/// API keys, section <c>Auth</c>. Keys in <see cref="ApiKeys"/> act as admin, keys in
/// <see cref="AnnotatorKeys"/> as annotator. Set them in the environment as
/// <c>Auth__ApiKeys__0=...</c>. With none configured, the first start generates an admin key,
/// prints it once and stores only its hash.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Admin keys (full access).</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Annotator keys: may post pieces and labels, not manage sources or models.</summary>
    public List<string> AnnotatorKeys { get; set; } = [];

    /// <summary>Whether to generate and print a key on first start when none is configured.</summary>
    /// <value><see langword="true"/>.</value>
    public bool GenerateKeyOnFirstRun { get; set; } = true;
}
