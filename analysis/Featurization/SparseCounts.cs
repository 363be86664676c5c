namespace StanceBoard.Analysis.Featurization;

/// <summary>Counts of distinct keys (hash buckets), in order of first appearance in the text.</summary>
internal readonly record struct SparseCounts(int[] Keys, float[] Counts);
