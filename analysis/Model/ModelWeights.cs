using StanceBoard.Analysis.Featurization;

namespace StanceBoard.Analysis.Model;

/// <summary>A model's weights for one target: the shared copy plus λ times the target's own (or the shared alone).</summary>
internal readonly struct ModelWeights(float[] weights, int copies, int targetIndex, float lambda) : IClassWeights
{
    public void Accumulate(int column, double value, Span<double> sums)
    {
        var at = column * copies * 3;
        if (targetIndex >= 0)
        {
            var own = at + ((1 + targetIndex) * 3);
            sums[0] += value * (weights[at] + (lambda * weights[own]));
            sums[1] += value * (weights[at + 1] + (lambda * weights[own + 1]));
            sums[2] += value * (weights[at + 2] + (lambda * weights[own + 2]));
        }
        else
        {
            sums[0] += value * weights[at];
            sums[1] += value * weights[at + 1];
            sums[2] += value * weights[at + 2];
        }
    }
}
