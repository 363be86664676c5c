using System.Security.Cryptography;
using System.Text;

namespace StanceBoard.Analysis.Embeddings;

/// <summary>
/// Vectors by the SHA-256 of their text (first 128 bits), bounded: when full, the older half is
/// dropped (a generation swap, no per-entry bookkeeping). Thread-safe.
/// </summary>
internal sealed class EmbeddingCache(int capacity)
{
    private readonly Lock _gate = new();
    private Dictionary<UInt128, float[]> _current = [];
    private Dictionary<UInt128, float[]> _previous = [];

    public static UInt128 KeyOf(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }

    public bool TryGet(UInt128 key, out float[] vector)
    {
        lock (_gate)
        {
            if (_current.TryGetValue(key, out vector!))
            {
                return true;
            }

            if (_previous.TryGetValue(key, out vector!))
            {
                Add(key, vector);
                return true;
            }

            return false;
        }
    }

    public void Add(UInt128 key, float[] vector)
    {
        lock (_gate)
        {
            if (_current.Count >= capacity / 2)
            {
                _previous = _current;
                _current = [];
            }

            _current[key] = vector;
        }
    }
}
