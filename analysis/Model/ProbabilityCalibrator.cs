namespace StanceBoard.Analysis.Model;

/// <summary>
/// Multiclass Platt scaling: p(c) = softmax_c(a_c · m_c + b_c) over the three one-vs-rest
/// margins m_c, with a_c and b_c fitted on out-of-fold margins. Immutable.
/// </summary>
internal sealed class ProbabilityCalibrator
{
    public ProbabilityCalibrator(double[] scale, double[] offset)
    {
        if (scale.Length != 3 || offset.Length != 3)
        {
            throw new ArgumentException("a calibrator has three scales and three offsets");
        }

        Scale = scale;
        Offset = offset;
    }

    /// <summary>The identity calibration: softmax of the raw margins.</summary>
    public static ProbabilityCalibrator Identity { get; } = new([1, 1, 1], [0, 0, 0]);

    public double[] Scale { get; }

    public double[] Offset { get; }

    /// <summary>Writes the three probabilities for <paramref name="margins"/> into <paramref name="probabilities"/>.</summary>
    public void Probabilities(ReadOnlySpan<double> margins, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < 3; c++)
        {
            probabilities[c] = (Scale[c] * margins[c]) + Offset[c];
            max = Math.Max(max, probabilities[c]);
        }

        double sum = 0;
        for (var c = 0; c < 3; c++)
        {
            probabilities[c] = Math.Exp(probabilities[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < 3; c++)
        {
            probabilities[c] /= sum;
        }
    }
}
