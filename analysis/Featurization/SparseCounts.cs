namespace StanceBoard.Analysis.Featurization;

/// <summary>Counts of distinct keys (hash buckets), keys ascending.</summary>
internal readonly record struct SparseCounts(int[] Keys, float[] Counts)
{
    /// <summary>Counts the values of <paramref name="keys"/> (sorted in place).</summary>
    public static SparseCounts Of(List<int> keys)
    {
        keys.Sort();
        var distinct = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                distinct++;
            }
        }

        var outKeys = new int[distinct];
        var outCounts = new float[distinct];
        var k = -1;
        for (var i = 0; i < keys.Count; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                outKeys[++k] = keys[i];
            }

            outCounts[k]++;
        }

        return new SparseCounts(outKeys, outCounts);
    }
}
