using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StanceBoard.Analysis.Training;

/// <summary>
/// One-vs-rest L2-regularised L2-loss (squared hinge) linear SVMs solved in the dual by
/// coordinate descent with shrinking (Hsieh et al. 2008; LIBLINEAR's <c>-s 1</c>): each step
/// optimises one example's dual variable in closed form and updates the weights in O(nnz), so
/// a pass costs one sparse dot product and one sparse update per active example, with no
/// learning rate to tune. A path of increasing C values is solved with warm starts (a dual
/// solution for a smaller C is feasible for a larger one), which makes choosing C by
/// cross-validation cost little more than one fit. Examples are visited in a seeded random
/// order, so the result is deterministic. The target-conditioned feature copies are implicit:
/// an example of target t touches the shared weight of each feature and its copy for t, scaled by λ.
/// </summary>
internal static class LinearSvmTrainer
{
    public const double Bias = 1.0;

    /// <summary>Weights of the three one-vs-rest problems for one C.</summary>
    public static double[][] Train(SparseDataset data, double c, double[] classWeights, double lambda, double tolerance, int maxIterations, int seed) =>
        TrainPath(data, [c], classWeights, lambda, tolerance, maxIterations, seed)[0];

    /// <summary>Weights for each C of <paramref name="path"/> (ascending), indexed [C][class][feature].</summary>
    public static double[][][] TrainPath(SparseDataset data, double[] path, double[] classWeights, double lambda, double tolerance, int maxIterations, int seed)
    {
        var result = new double[path.Length][][];
        for (var k = 0; k < path.Length; k++)
        {
            result[k] = new double[3][];
        }

        for (var c = 0; c < 3; c++)
        {
            var problem = new BinaryProblem(data, c, classWeights, lambda, seed + (c * 7919));
            for (var k = 0; k < path.Length; k++)
            {
                problem.Solve(path[k], tolerance, maxIterations);
                result[k][c] = (double[])problem.Weights.Clone();
            }
        }

        return result;
    }

    public static double Decision(double[] w, FeatureLayout layout, ReadOnlySpan<int> cols, ReadOnlySpan<float> vals, int target, double lambda)
    {
        var copies = layout.Copies;
        double sum = w[layout.Bias(0)] * Bias;
        if (target >= 0 && lambda > 0)
        {
            var copy = 1 + target;
            double own = w[layout.Bias(copy)] * Bias;
            for (var k = 0; k < cols.Length; k++)
            {
                var at = cols[k] * copies;
                sum += vals[k] * w[at];
                own += vals[k] * w[at + copy];
            }

            return sum + (lambda * own);
        }

        for (var k = 0; k < cols.Length; k++)
        {
            sum += vals[k] * w[cols[k] * copies];
        }

        return sum;
    }

    private sealed class BinaryProblem
    {
        private readonly SparseDataset _data;
        private readonly FeatureLayout _layout;
        private readonly double[] _classWeights;
        private readonly double _lambda;
        private readonly double[] _alpha;
        private readonly sbyte[] _y;
        private readonly double[] _xx;
        private readonly int[] _index;
        private readonly Random _random;

        public BinaryProblem(SparseDataset data, int positive, double[] classWeights, double lambda, int seed)
        {
            _data = data;
            _layout = new FeatureLayout(data.Columns, data.Targets);
            _classWeights = classWeights;
            _lambda = lambda;
            Weights = new double[_layout.Dimension];
            var n = data.Rows;
            _alpha = new double[n];
            _y = new sbyte[n];
            _xx = new double[n];
            _index = new int[n];
            _random = new Random(seed);
            var copyScale = lambda > 0 ? 1 + (lambda * lambda) : 1;
            for (var i = 0; i < n; i++)
            {
                _y[i] = (int)data.Labels[i] == positive ? (sbyte)1 : (sbyte)-1;
                _xx[i] = (data.Target[i] >= 0 ? copyScale : 1) * (data.SquaredNorm[i] + (Bias * Bias));
                _index[i] = i;
            }
        }

        public double[] Weights { get; }

        /// <summary>
        /// Solves for <paramref name="c"/>, starting from the current solution. Written with the
        /// data in locals and the dot product and update inline, and compiled fully optimised on
        /// first call: a fresh process trains its default model at start, before tiered
        /// compilation would have optimised a loop that runs for most of the fit.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Solve(double c, double tolerance, int maxIterations)
        {
            var n = _data.Rows;
            var labels = _data.Labels;
            var diag = new double[n];
            for (var i = 0; i < n; i++)
            {
                diag[i] = 0.5 / (c * _classWeights[(int)labels[i]]);
            }

            var rowStart = _data.RowStart;
            var targets = _data.Target;
            var alpha = _alpha;
            var y = _y;
            var xx = _xx;
            var index = _index;
            var w = Weights;
            var lambda = _lambda;
            var sharedBias = _layout.Bias(0);
            nint copies = _layout.Copies;
            ref var cols0 = ref MemoryMarshal.GetArrayDataReference(_data.Cols);
            ref var vals0 = ref MemoryMarshal.GetArrayDataReference(_data.Vals);
            ref var w0 = ref MemoryMarshal.GetArrayDataReference(w);
            if (rowStart.Length != n + 1 || rowStart[n] > _data.Cols.Length || _data.Cols.Length != _data.Vals.Length || w.Length != _layout.Dimension)
            {
                throw new InvalidOperationException("The dataset does not match the weights.");
            }

            var active = n;
            var pgMaxOld = double.PositiveInfinity;
            var pgMinOld = double.NegativeInfinity;
            for (var iteration = 0; iteration < maxIterations; iteration++)
            {
                _random.Shuffle(index.AsSpan(0, active));
                var pgMax = double.NegativeInfinity;
                var pgMin = double.PositiveInfinity;
                for (var s = 0; s < active; s++)
                {
                    var i = index[s];
                    var start = rowStart[i];
                    var length = rowStart[i + 1] - start;
                    ref var cols = ref Unsafe.Add(ref cols0, start);
                    ref var vals = ref Unsafe.Add(ref vals0, start);
                    var target = targets[i];
                    var own = target >= 0 && lambda > 0;
                    nint copy = own ? 1 + target : 0;
                    var ownBias = _layout.Bias((int)copy);

                    // w · x (the shared weights plus λ times the target's own), as Decision computes it.
                    double decision;
                    if (own)
                    {
                        double sum = w[sharedBias] * Bias;
                        double ownSum = w[ownBias] * Bias;
                        for (var k = 0; k < length; k++)
                        {
                            ref var at = ref Unsafe.Add(ref w0, Unsafe.Add(ref cols, k) * copies);
                            var v = Unsafe.Add(ref vals, k);
                            sum += v * at;
                            ownSum += v * Unsafe.Add(ref at, copy);
                        }

                        decision = sum + (lambda * ownSum);
                    }
                    else
                    {
                        double sum = w[sharedBias] * Bias;
                        for (var k = 0; k < length; k++)
                        {
                            sum += Unsafe.Add(ref vals, k) * Unsafe.Add(ref w0, Unsafe.Add(ref cols, k) * copies);
                        }

                        decision = sum;
                    }

                    var g = (y[i] * decision) - 1 + (diag[i] * alpha[i]);
                    double pg = 0;
                    if (alpha[i] == 0)
                    {
                        if (g > pgMaxOld)
                        {
                            active--;
                            (index[s], index[active]) = (index[active], index[s]);
                            s--;
                            continue;
                        }

                        if (g < 0)
                        {
                            pg = g;
                        }
                    }
                    else
                    {
                        pg = g;
                    }

                    pgMax = Math.Max(pgMax, pg);
                    pgMin = Math.Min(pgMin, pg);
                    if (Math.Abs(pg) < 1e-12)
                    {
                        continue;
                    }

                    var old = alpha[i];
                    alpha[i] = Math.Max(old - (g / (xx[i] + diag[i])), 0);

                    // w += Δα · y · x.
                    var d = (alpha[i] - old) * y[i];
                    w[sharedBias] += d * Bias;
                    if (!own)
                    {
                        for (var k = 0; k < length; k++)
                        {
                            Unsafe.Add(ref w0, Unsafe.Add(ref cols, k) * copies) += d * Unsafe.Add(ref vals, k);
                        }

                        continue;
                    }

                    var dOwn = d * lambda;
                    w[ownBias] += dOwn * Bias;
                    for (var k = 0; k < length; k++)
                    {
                        ref var at = ref Unsafe.Add(ref w0, Unsafe.Add(ref cols, k) * copies);
                        var v = Unsafe.Add(ref vals, k);
                        at += d * v;
                        Unsafe.Add(ref at, copy) += dOwn * v;
                    }
                }

                if (pgMax - pgMin <= tolerance)
                {
                    if (active == n)
                    {
                        break;
                    }

                    active = n;
                    pgMaxOld = double.PositiveInfinity;
                    pgMinOld = double.NegativeInfinity;
                    continue;
                }

                pgMaxOld = pgMax <= 0 ? double.PositiveInfinity : pgMax;
                pgMinOld = pgMin >= 0 ? double.NegativeInfinity : pgMin;
            }
        }
    }
}
