using System.Runtime.CompilerServices;

namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// 32-bit hashing of n-grams: FNV-1a over characters, combined per n-gram with the
/// murmur3 finaliser, seeded per feature family so a word "ab" and a character bigram "ab" differ.
/// The values are part of the model file format: changing them needs a new format version.
/// </summary>
internal static class NgramHashing
{
    public const uint WordSeed = 0x57A9C3E1;
    public const uint CharSeed = 0x3C6EF372;
    public const uint NearSeed = 0xA54FF53A;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Token(string value)
    {
        var h = 2166136261u;
        foreach (var c in value)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Combine(uint h, uint value) => Mix((h * 0x9E3779B1u) ^ value ^ (h >> 15));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}
