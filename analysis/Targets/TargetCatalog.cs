using System.Text;
using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Targets;

/// <summary>
/// The configured targets, compiled for fast, diacritics-insensitive, whole-word alias lookup.
/// Immutable and thread-safe.
/// </summary>
public sealed class TargetCatalog
{
    private readonly Dictionary<string, List<(string Target, string[] Tokens)>> _byFirstToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Target, string[] Tokens)>>.AlternateLookup<ReadOnlySpan<char>> _byFirstFolded;
    private readonly Dictionary<string, TargetDefinition> _byName;
    private readonly ulong _firstTokenLengths;
    private readonly bool[] _firstTokenStarts = new bool[128];

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

        _byFirstFolded = _byFirstToken.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in _byFirstToken.Keys)
        {
            _firstTokenLengths |= 1UL << Math.Min(key.Length, 63);
            if (char.IsAscii(key[0]))
            {
                _firstTokenStarts[key[0]] = true;
            }
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
        if (_byFirstToken.Count == 0)
        {
            return mentions;
        }

        // Words are folded into a buffer only to be looked up, so most words cost no allocation.
        var words = new List<(int Start, int Length)>(64);
        Span<char> buffer = stackalloc char[64];
        foreach (var sentence in sentences)
        {
            WordTokenizer.Bounds(text, sentence.Start, sentence.Length, words);
            for (var i = 0; i < words.Count; i++)
            {
                var (start, length) = words[i];

                // An ASCII word folds to itself in lower case, so it can only be a key of that length
                // and first letter (a word with other letters can fold to another length: "ß" → "ss").
                if (Ascii.IsValid(text.AsSpan(start, length))
                    && ((_firstTokenLengths & (1UL << Math.Min(length, 63))) == 0 || !_firstTokenStarts[char.ToLowerInvariant(text[start])]))
                {
                    continue;
                }

                if (!_byFirstFolded.TryGetValue(Folded(text, words[i], buffer), out var candidates))
                {
                    continue;
                }

                foreach (var (target, aliasTokens) in candidates)
                {
                    if (!Matches(text, words, i, aliasTokens, buffer))
                    {
                        continue;
                    }

                    var last = words[i + aliasTokens.Length - 1];
                    mentions.Add(new Mention(target, start, last.Start + last.Length - start, sentence.Index));
                    i += aliasTokens.Length - 1;
                    break;
                }
            }
        }

        return mentions;
    }

    private static ReadOnlySpan<char> Folded(string text, (int Start, int Length) word, Span<char> buffer)
    {
        var value = text.AsSpan(word.Start, word.Length);
        var length = TextFolding.TryFoldAscii(value, buffer);
        return length >= 0 ? buffer[..length] : TextFolding.Fold(value);
    }

    private static bool Matches(string text, List<(int Start, int Length)> words, int at, string[] alias, Span<char> buffer)
    {
        if (at + alias.Length > words.Count)
        {
            return false;
        }

        for (var k = 1; k < alias.Length; k++)
        {
            if (!Folded(text, words[at + k], buffer).SequenceEqual(alias[k]))
            {
                return false;
            }
        }

        return true;
    }
}
