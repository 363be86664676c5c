using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// Fits a <see cref="ProbabilityCalibrator"/> by minimising the (example-weighted) cross-entropy of
/// held-out margins, with a weak pull towards the identity so a small or separable sample cannot
/// drive the scales to infinity. The objective is smooth and strictly convex in its six
/// parameters, so Newton's method with a backtracking line search reaches the minimum to
/// machine precision in a handful of steps, each one pass over the margins and a 6 × 6
/// Cholesky solve.
/// </summary>
internal static class CalibratorFitter
{
    private const int Parameters = 6;
    private const double Ridge = 1.0;
    private const int MaxSteps = 100;

    public static ProbabilityCalibrator Fit(IReadOnlyList<double[]> margins, IReadOnlyList<int> labels, IReadOnlyList<double> weights)
    {
        if (margins.Count == 0)
        {
            return ProbabilityCalibrator.Identity;
        }

        var theta = new double[] { 1, 1, 1, 0, 0, 0 };
        var gradient = new double[Parameters];
        var hessian = new double[Parameters * Parameters];
        var step = new double[Parameters];
        var trial = new double[Parameters];
        var loss = Evaluate(margins, labels, weights, theta, gradient, hessian);
        for (var iteration = 0; iteration < MaxSteps && double.IsFinite(loss); iteration++)
        {
            if (MaxAbs(gradient) < 1e-10 * Math.Max(1, margins.Count))
            {
                break;
            }

            for (var i = 0; i < Parameters; i++)
            {
                step[i] = -gradient[i];
            }

            if (!CholeskySolve(hessian, step))
            {
                return ProbabilityCalibrator.Identity;
            }

            var slope = 0.0;
            for (var i = 0; i < Parameters; i++)
            {
                slope += gradient[i] * step[i];
            }

            // Backtracking (Armijo) line search: a full Newton step is taken near the minimum.
            var scale = 1.0;
            var improved = false;
            for (var k = 0; k < 40; k++, scale *= 0.5)
            {
                for (var i = 0; i < Parameters; i++)
                {
                    trial[i] = theta[i] + (scale * step[i]);
                }

                var trialLoss = Evaluate(margins, labels, weights, trial, null, null);
                if (trialLoss <= loss + (1e-4 * scale * slope))
                {
                    improved = trialLoss < loss;
                    Array.Copy(trial, theta, Parameters);
                    break;
                }
            }

            if (!improved)
            {
                break;
            }

            loss = Evaluate(margins, labels, weights, theta, gradient, hessian);
        }

        if (!Array.TrueForAll(theta, double.IsFinite))
        {
            return ProbabilityCalibrator.Identity;
        }

        return new ProbabilityCalibrator([theta[0], theta[1], theta[2]], [theta[3], theta[4], theta[5]]);
    }

    /// <summary>The loss at <paramref name="theta"/> (scales a_c, then offsets b_c); its gradient and Hessian when asked for.</summary>
    private static double Evaluate(IReadOnlyList<double[]> margins, IReadOnlyList<int> labels, IReadOnlyList<double> weights, double[] theta, double[]? gradient, double[]? hessian)
    {
        if (gradient is not null)
        {
            Array.Clear(gradient);
        }

        if (hessian is not null)
        {
            Array.Clear(hessian);
        }

        double loss = 0;
        Span<double> z = stackalloc double[3];
        Span<double> p = stackalloc double[3];
        for (var n = 0; n < margins.Count; n++)
        {
            var m = margins[n];
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
            var w = weights[n];
            var label = labels[n];
            loss += w * (logSum - z[label]);
            if (gradient is null || hessian is null)
            {
                continue;
            }

            for (var c = 0; c < 3; c++)
            {
                p[c] = Math.Exp(z[c] - logSum);
                var dz = w * (p[c] - (c == label ? 1 : 0));
                gradient[c] += dz * m[c];
                gradient[3 + c] += dz;
            }

            // d²loss/dz_c dz_d = w (p_c δ_cd − p_c p_d); dz_c/da_c = m_c, dz_c/db_c = 1.
            for (var c = 0; c < 3; c++)
            {
                for (var d = 0; d < 3; d++)
                {
                    var h = w * (((c == d) ? p[c] : 0) - (p[c] * p[d]));
                    hessian[(c * Parameters) + d] += h * m[c] * m[d];
                    hessian[(c * Parameters) + 3 + d] += h * m[c];
                    hessian[((3 + c) * Parameters) + d] += h * m[d];
                    hessian[((3 + c) * Parameters) + 3 + d] += h;
                }
            }
        }

        for (var c = 0; c < 3; c++)
        {
            loss += Ridge * 0.5 * (((theta[c] - 1) * (theta[c] - 1)) + (theta[3 + c] * theta[3 + c]));
            if (gradient is null || hessian is null)
            {
                continue;
            }

            gradient[c] += Ridge * (theta[c] - 1);
            gradient[3 + c] += Ridge * theta[3 + c];
            hessian[(c * Parameters) + c] += Ridge;
            hessian[((3 + c) * Parameters) + 3 + c] += Ridge;
        }

        return loss;
    }

    /// <summary>Solves H x = b in place of <paramref name="b"/> for a symmetric positive definite H; false when H is not.</summary>
    private static bool CholeskySolve(double[] h, double[] b)
    {
        const int n = Parameters;
        Span<double> l = stackalloc double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(sum > 0) || !double.IsFinite(sum))
                    {
                        return false;
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[(i * n) + k] * b[k];
            }

            b[i] = sum / l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * b[k];
            }

            b[i] = sum / l[(i * n) + i];
        }

        return true;
    }

    private static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
