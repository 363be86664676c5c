namespace StanceBoard.Ingestion.Dedupe;

/// <summary>
/// An in-memory index of SimHash fingerprints that finds a near-duplicate in sub-linear time:
/// fingerprints are split into 8 bands of 8 bits, and any two within 7 bits share at least one
/// band exactly (pigeonhole), so only fingerprints sharing a band are compared. Thread-safe.
/// </summary>
/// <typeparam name="TKey">What a fingerprint points to (a piece id or URL).</typeparam>
public sealed class NearDuplicateIndex<TKey>
    where TKey : notnull
{
    private const int Bands = 8;

    private readonly Dictionary<(int Band, byte Value), List<(ulong Hash, TKey Key)>> _buckets = [];
    private readonly Lock _lock = new();

    /// <summary>How many fingerprints were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a fingerprint; an empty (0) fingerprint is ignored.</summary>
    public void Add(ulong hash, TKey key)
    {
        if (hash == 0)
        {
            return;
        }

        lock (_lock)
        {
            for (var band = 0; band < Bands; band++)
            {
                var bucketKey = (band, (byte)(hash >> (band * 8)));
                if (!_buckets.TryGetValue(bucketKey, out var list))
                {
                    _buckets[bucketKey] = list = [];
                }

                list.Add((hash, key));
            }

            Count++;
        }
    }

    /// <summary>Finds the closest fingerprint within <paramref name="maxDistance"/> bits, when any.</summary>
    public bool TryFind(ulong hash, out TKey key, int maxDistance = SimHash.NearDuplicateDistance)
    {
        key = default!;
        if (hash == 0)
        {
            return false;
        }

        var best = int.MaxValue;
        lock (_lock)
        {
            for (var band = 0; band < Bands; band++)
            {
                if (!_buckets.TryGetValue((band, (byte)(hash >> (band * 8))), out var list))
                {
                    continue;
                }

                foreach (var (candidate, candidateKey) in list)
                {
                    var distance = SimHash.Distance(hash, candidate);
                    if (distance <= maxDistance && distance < best)
                    {
                        best = distance;
                        key = candidateKey;
                    }
                }
            }
        }

        return best != int.MaxValue;
    }
}
