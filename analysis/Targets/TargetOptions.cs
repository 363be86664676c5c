namespace StanceBoard.Analysis.Targets;

/// <summary>
/// One target as written in configuration, under <c>Targets:{Name}</c>:
/// <code>"Targets": { "Russia": { "Aliases": [ "Russian", "Moscow", "Kremlin", "Putin" ] } }</code>
/// </summary>
public sealed class TargetOptions
{
    /// <summary>Other names for the target: demonyms, capitals, leaders, institutions. The target's own name always counts.</summary>
    /// <value>Empty by default.</value>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Whether the target is scored.</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool Enabled { get; set; } = true;
}
