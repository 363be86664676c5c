using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// Fits a <see cref="ProbabilityCalibrator"/> by minimising the (example-weighted) cross-entropy of
/// held-out margins with BFGS, with a weak pull towards the identity so a small or separable
/// sample cannot drive the scales to infinity.
/// </summary>
internal static class CalibratorFitter
{
    public static ProbabilityCalibrator Fit(IReadOnlyList<double[]> margins, IReadOnlyList<int> labels, IReadOnlyList<double> weights)
    {
        var n = margins.Count;
        if (n == 0)
        {
            return ProbabilityCalibrator.Identity;
        }

        const double ridge = 1.0;
        (double, Vector<double>) Objective(Vector<double> theta)
        {
            var gradient = new double[6];
            double loss = 0;
            Span<double> z = stackalloc double[3];
            for (var i = 0; i < n; i++)
            {
                var m = margins[i];
                var max = double.NegativeInfinity;
                for (var c = 0; c < 3; c++)
                {
                    z[c] = (theta[c] * m[c]) + theta[3 + c];
                    max = Math.Max(max, z[c]);
                }

                double sum = 0;
                for (var c = 0; c < 3; c++)
                {
                    sum += Math.Exp(z[c] - max);
                }

                var logSum = max + Math.Log(sum);
                var w = weights[i];
                loss += w * (logSum - z[labels[i]]);
                for (var c = 0; c < 3; c++)
                {
                    var p = Math.Exp(z[c] - logSum);
                    var dz = w * (p - (c == labels[i] ? 1 : 0));
                    gradient[c] += dz * m[c];
                    gradient[3 + c] += dz;
                }
            }

            for (var c = 0; c < 3; c++)
            {
                loss += ridge * 0.5 * (((theta[c] - 1) * (theta[c] - 1)) + (theta[3 + c] * theta[3 + c]));
                gradient[c] += ridge * (theta[c] - 1);
                gradient[3 + c] += ridge * theta[3 + c];
            }

            return (loss, Vector<double>.Build.DenseOfArray(gradient));
        }

        var start = Vector<double>.Build.DenseOfArray([1, 1, 1, 0, 0, 0]);
        try
        {
            var result = new BfgsMinimizer(1e-6, 1e-8, 1e-10, 500).FindMinimum(ObjectiveFunction.Gradient(Objective), start);
            var p = result.MinimizingPoint;
            if (Enumerable.Range(0, 6).Any(i => !double.IsFinite(p[i])))
            {
                return ProbabilityCalibrator.Identity;
            }

            return new ProbabilityCalibrator([p[0], p[1], p[2]], [p[3], p[4], p[5]]);
        }
        catch (Exception ex) when (ex is MaximumIterationsException or ArithmeticException or InvalidOperationException or ArgumentException)
        {
            return ProbabilityCalibrator.Identity;
        }
    }
}
