using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Targets;

/// <summary>
/// The configured targets, compiled for fast, diacritics-insensitive, whole-word alias lookup.
/// Immutable and thread-safe.
/// </summary>
public sealed class TargetCatalog
{
    private readonly Dictionary<string, List<(string Target, string[] Tokens)>> _byFirstToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TargetDefinition> _byName;

    /// <summary>Builds a catalog; target names must be unique (case-insensitive).</summary>
    public TargetCatalog(IEnumerable<TargetDefinition> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        Targets = targets.ToArray();
        _byName = new Dictionary<string, TargetDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in Targets)
        {
            if (!_byName.TryAdd(target.Name, target))
            {
                throw new ArgumentException($"Target '{target.Name}' is configured twice.", nameof(targets));
            }

            foreach (var alias in target.Aliases)
            {
                var tokens = WordTokenizer.Tokenize(alias).Select(t => t.Folded).ToArray();
                if (tokens.Length == 0)
                {
                    continue;
                }

                if (!_byFirstToken.TryGetValue(tokens[0], out var list))
                {
                    _byFirstToken[tokens[0]] = list = [];
                }

                list.Add((target.Name, tokens));
            }
        }

        // Longest alias first, so "Nikol Pashinyan" wins over "Nikol".
        foreach (var list in _byFirstToken.Values)
        {
            list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        }
    }

    /// <summary>Builds a catalog from the configuration section <c>Targets</c> (name → options).</summary>
    public static TargetCatalog FromOptions(IReadOnlyDictionary<string, TargetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TargetCatalog(options
            .Where(kv => kv.Value.Enabled)
            .OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .Select(kv => new TargetDefinition(kv.Key, kv.Value.Aliases)));
    }

    /// <summary>The targets, in configuration order.</summary>
    public IReadOnlyList<TargetDefinition> Targets { get; }

    /// <summary>Finds a target by name, ignoring case.</summary>
    public bool TryGet(string name, out TargetDefinition target) => _byName.TryGetValue(name, out target!);

    /// <summary>Finds every mention of every target in the given sentences of <paramref name="text"/>.</summary>
    public IReadOnlyList<Mention> FindMentions(string text, IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var mentions = new List<Mention>();
        foreach (var sentence in sentences)
        {
            var tokens = WordTokenizer.Tokenize(text, sentence.Start, sentence.Length);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!_byFirstToken.TryGetValue(tokens[i].Folded, out var candidates))
                {
                    continue;
                }

                foreach (var (target, aliasTokens) in candidates)
                {
                    if (!Matches(tokens, i, aliasTokens))
                    {
                        continue;
                    }

                    var last = tokens[i + aliasTokens.Length - 1];
                    mentions.Add(new Mention(target, tokens[i].Start, last.Start + last.Length - tokens[i].Start, sentence.Index));
                    i += aliasTokens.Length - 1;
                    break;
                }
            }
        }

        return mentions;
    }

    private static bool Matches(List<Token> tokens, int at, string[] alias)
    {
        if (at + alias.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 1; k < alias.Length; k++)
        {
            if (!string.Equals(tokens[at + k].Folded, alias[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
