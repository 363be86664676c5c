namespace StanceBoard.Analysis.Featurization;

/// <summary>Adds one feature's weighted contribution to the per-class sums; implemented by structs so the call inlines.</summary>
internal interface IClassWeights
{
    void Accumulate(int column, double value, Span<double> sums);
}
