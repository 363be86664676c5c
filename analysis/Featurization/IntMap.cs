namespace StanceBoard.Analysis.Featurization;

/// <summary>An immutable open-addressing map from distinct non-negative keys to their index in the key array.</summary>
internal sealed class IntMap
{
    private readonly int[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public IntMap(int[] keys)
    {
        var capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        _mask = capacity - 1;
        _keys = new int[capacity];
        _values = new int[capacity];
        Array.Fill(_keys, -1);
        for (var i = 0; i < keys.Length; i++)
        {
            var slot = Slot(keys[i]);
            while (_keys[slot] != -1)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = keys[i];
            _values[slot] = i;
        }
    }

    /// <summary>The index of <paramref name="key"/>, or −1.</summary>
    public int Get(int key)
    {
        var slot = Slot(key);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _values[slot];
            }

            if (k == -1)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int Slot(int key) => (int)(((uint)key * 0x9E3779B1u) >> 7) & _mask;
}
