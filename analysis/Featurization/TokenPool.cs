using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// Folded words shared per thread: a word seen before is looked up by its characters and its
/// one string reused, so tokenizing a piece allocates only for words new to the thread, and
/// the per-token caches downstream compare keys by reference. Bounded; one per thread, so no locks.
/// </summary>
internal static class TokenPool
{
    private const int MaxWords = 50_000;
    private const int MaxWordLength = 64;

    [ThreadStatic]
    private static Dictionary<string, string>? t_words;

    /// <summary>The folded form of <paramref name="word"/> (as <see cref="TextFolding.Fold"/>), shared when it is ASCII and short.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        var length = TextFolding.TryFoldAscii(word, buffer);
        if (length < 0)
        {
            return TextFolding.Fold(word);
        }

        var words = t_words ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var folded = buffer[..length];
        if (lookup.TryGetValue(folded, out var shared))
        {
            return shared;
        }

        if (words.Count >= MaxWords)
        {
            words.Clear();
        }

        shared = folded.ToString();
        words.Add(shared, shared);
        return shared;
    }
}
