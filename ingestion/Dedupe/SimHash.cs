using System.Numerics;
using System.Text;

namespace StanceBoard.Ingestion.Dedupe;

/// <summary>
/// A 64-bit SimHash over word 3-shingles of normalised text (Charikar 2002): texts that share
/// most of their shingles differ in few bits, so a syndicated copy with a different header,
/// footer or a few edits lands within <see cref="NearDuplicateDistance"/> bits of the original.
/// </summary>
public static class SimHash
{
    /// <summary>The Hamming distance at or below which two texts are taken as near-duplicates.</summary>
    public const int NearDuplicateDistance = 7;

    private const int ShingleWords = 3;
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Computes the fingerprint of <paramref name="text"/>; 0 for a text without words.</summary>
    public static ulong Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        var n = Math.Max(1, words.Count - ShingleWords + 1);
        for (var i = 0; i < n; i++)
        {
            var hash = FnvOffset;
            for (var w = i; w < Math.Min(words.Count, i + ShingleWords); w++)
            {
                hash = Mix(hash, words[w]);
                hash = (hash ^ ' ') * FnvPrime;
            }

            hash = Finalize(hash);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    /// <summary>The number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>Whether two fingerprints are within <see cref="NearDuplicateDistance"/> bits (and neither is empty).</summary>
    public static bool AreNearDuplicates(ulong a, ulong b) => a != 0 && b != 0 && Distance(a, b) <= NearDuplicateDistance;

    private static ulong Mix(ulong hash, string word)
    {
        foreach (var c in word)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    private static ulong Finalize(ulong h)
    {
        // splitmix64 finaliser: spreads FNV's weak high bits.
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9UL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebUL;
        return h ^ (h >> 31);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>(text.Length / 6);
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }
}
