namespace StanceBoard.Analysis.Featurization;

/// <summary>
/// Counts hash buckets in a small open-addressing table that grows with the text, so a short
/// text's counting stays in the first-level cache; keys come out in order of first appearance.
/// </summary>
internal sealed class BucketCounter
{
    private int[] _keys = NewKeys(1024);
    private float[] _counts = new float[1024];
    private readonly List<int> _slots = new(512);

    public void Add(int bucket)
    {
        var mask = _keys.Length - 1;
        var slot = (int)(((uint)bucket * 0x9E3779B1u) >> 8) & mask;
        while (true)
        {
            var key = _keys[slot];
            if (key == bucket)
            {
                _counts[slot]++;
                return;
            }

            if (key == -1)
            {
                _keys[slot] = bucket;
                _counts[slot] = 1;
                _slots.Add(slot);
                if (_slots.Count * 2 > _keys.Length)
                {
                    Grow();
                }

                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The counts so far, as a new <see cref="SparseCounts"/>; the counter is emptied.</summary>
    public SparseCounts Take()
    {
        var keys = new int[_slots.Count];
        var counts = new float[_slots.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var slot = _slots[i];
            keys[i] = _keys[slot];
            counts[i] = _counts[slot];
            _keys[slot] = -1;
        }

        _slots.Clear();
        return new SparseCounts(keys, counts);
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldCounts = _counts;
        var oldSlots = _slots.ToArray();
        _keys = NewKeys(oldKeys.Length * 2);
        _counts = new float[oldKeys.Length * 2];
        _slots.Clear();
        var mask = _keys.Length - 1;
        foreach (var old in oldSlots)
        {
            var slot = (int)(((uint)oldKeys[old] * 0x9E3779B1u) >> 8) & mask;
            while (_keys[slot] != -1)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = oldKeys[old];
            _counts[slot] = oldCounts[old];
            _slots.Add(slot);
        }
    }

    private static int[] NewKeys(int capacity)
    {
        var keys = new int[capacity];
        Array.Fill(keys, -1);
        return keys;
    }
}
