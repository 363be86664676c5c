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

        public void Solve(double c, double tolerance, int maxIterations)
        {
            var n = _data.Rows;
            var diag = new double[n];
            for (var i = 0; i < n; i++)
            {
                diag[i] = 0.5 / (c * _classWeights[(int)_data.Labels[i]]);
            }

            var active = n;
            var pgMaxOld = double.PositiveInfinity;
            var pgMinOld = double.NegativeInfinity;
            for (var iteration = 0; iteration < maxIterations; iteration++)
            {
                _random.Shuffle(_index.AsSpan(0, active));
                var pgMax = double.NegativeInfinity;
                var pgMin = double.PositiveInfinity;
                for (var s = 0; s < active; s++)
                {
                    var i = _index[s];
                    var start = _data.RowStart[i];
                    var cols = _data.Cols.AsSpan(start, _data.RowStart[i + 1] - start);
                    var vals = _data.Vals.AsSpan(start, cols.Length);
                    var target = _data.Target[i];
                    var g = (_y[i] * Decision(Weights, _layout, cols, vals, target, _lambda)) - 1 + (diag[i] * _alpha[i]);
                    double pg = 0;
                    if (_alpha[i] == 0)
                    {
                        if (g > pgMaxOld)
                        {
                            active--;
                            (_index[s], _index[active]) = (_index[active], _index[s]);
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

                    var old = _alpha[i];
                    _alpha[i] = Math.Max(old - (g / (_xx[i] + diag[i])), 0);
                    Update(cols, vals, target, (_alpha[i] - old) * _y[i]);
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

        private void Update(ReadOnlySpan<int> cols, ReadOnlySpan<float> vals, int target, double d)
        {
            var w = Weights;
            var copies = _layout.Copies;
            w[_layout.Bias(0)] += d * Bias;
            if (target < 0 || _lambda <= 0)
            {
                for (var k = 0; k < cols.Length; k++)
                {
                    w[cols[k] * copies] += d * vals[k];
                }

                return;
            }

            var own = d * _lambda;
            var copy = 1 + target;
            w[_layout.Bias(copy)] += own * Bias;
            for (var k = 0; k < cols.Length; k++)
            {
                var at = cols[k] * copies;
                w[at] += d * vals[k];
                w[at + copy] += own * vals[k];
            }
        }
    }
}
