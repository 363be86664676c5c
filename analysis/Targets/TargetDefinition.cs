namespace StanceBoard.Analysis.Targets;

/// <summary>A stance target and the names that refer to it.</summary>
public sealed record TargetDefinition
{
    /// <summary>Creates a target; <paramref name="name"/> is added to the aliases when missing.</summary>
    public TargetDefinition(string name, IEnumerable<string> aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(aliases);
        Name = name.Trim();
        Aliases = aliases
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a.Trim())
            .Prepend(Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>The target's display name, also its key ("Russia").</summary>
    public string Name { get; }

    /// <summary>All names that count as a mention, the target's own name first.</summary>
    public IReadOnlyList<string> Aliases { get; }
}
