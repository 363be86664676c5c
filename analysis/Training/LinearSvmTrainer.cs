namespace StanceBoard.Analysis.Training;

/// <summary>
/// One-vs-rest L2-regularised L2-loss (squared hinge) linear SVMs solved in the dual by
/// coordinate descent (Hsieh et al. 2008, LIBLINEAR's <c>-s 1</c>): each step optimises one
/// example's dual variable in closed form and updates the weights in O(nnz), so a pass over
/// the data costs one sparse dot product and one sparse update per example, with no learning
/// rate to tune. Examples are visited in a seeded random order, so the result is deterministic.
/// The target-conditioned feature copies are implicit: an example of target t touches the
/// shared weight of each feature and its copy for t (scaled by λ).
/// </summary>
internal static class LinearSvmTrainer
{
    public const double Bias = 1.0;

    public static double[][] Train(SparseDataset data, double c, double[] classWeights, double lambda, double tolerance, int maxIterations, int seed)
    {
        var weights = new double[3][];
        for (var k = 0; k < 3; k++)
        {
            weights[k] = TrainBinary(data, k, c, classWeights, lambda, tolerance, maxIterations, seed + (k * 7919));
        }

        return weights;
    }

    public static double Decision(double[] w, FeatureLayout layout, ReadOnlySpan<int> cols, ReadOnlySpan<float> vals, int target, double lambda)
    {
        double sum = w[layout.SharedBias] * Bias;
        if (target >= 0 && lambda > 0)
        {
            var offset = layout.TargetOffset(target);
            double own = w[layout.TargetBias(target)] * Bias;
            for (var k = 0; k < cols.Length; k++)
            {
                sum += vals[k] * w[cols[k]];
                own += vals[k] * w[offset + cols[k]];
            }

            return sum + (lambda * own);
        }

        for (var k = 0; k < cols.Length; k++)
        {
            sum += vals[k] * w[cols[k]];
        }

        return sum;
    }

    private static double[] TrainBinary(SparseDataset data, int positive, double c, double[] classWeights, double lambda, double tolerance, int maxIterations, int seed)
    {
        var layout = new FeatureLayout(data.Columns, data.Targets);
        var w = new double[layout.Dimension];
        var n = data.Rows;
        var alpha = new double[n];
        var diag = new double[n];
        var qii = new double[n];
        var y = new sbyte[n];
        var copyScale = lambda > 0 ? 1 + (lambda * lambda) : 1;
        for (var i = 0; i < n; i++)
        {
            y[i] = (int)data.Labels[i] == positive ? (sbyte)1 : (sbyte)-1;
            var ci = c * classWeights[(int)data.Labels[i]];
            diag[i] = 0.5 / ci;
            var scale = data.Target[i] >= 0 ? copyScale : 1;
            qii[i] = (scale * (data.SquaredNorm[i] + (Bias * Bias))) + diag[i];
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var random = new Random(seed);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            random.Shuffle(order);
            var pgMax = double.NegativeInfinity;
            var pgMin = double.PositiveInfinity;
            foreach (var i in order)
            {
                var start = data.RowStart[i];
                var cols = data.Cols.AsSpan(start, data.RowStart[i + 1] - start);
                var vals = data.Vals.AsSpan(start, cols.Length);
                var target = data.Target[i];
                var g = (y[i] * Decision(w, layout, cols, vals, target, lambda)) - 1 + (diag[i] * alpha[i]);
                var pg = alpha[i] == 0 ? Math.Min(g, 0) : g;
                pgMax = Math.Max(pgMax, pg);
                pgMin = Math.Min(pgMin, pg);
                if (Math.Abs(pg) < 1e-12)
                {
                    continue;
                }

                var old = alpha[i];
                alpha[i] = Math.Max(old - (g / qii[i]), 0);
                var d = (alpha[i] - old) * y[i];
                Update(w, layout, cols, vals, target, lambda, d);
            }

            if (pgMax - pgMin <= tolerance)
            {
                break;
            }
        }

        return w;
    }

    private static void Update(double[] w, FeatureLayout layout, ReadOnlySpan<int> cols, ReadOnlySpan<float> vals, int target, double lambda, double d)
    {
        w[layout.SharedBias] += d * Bias;
        for (var k = 0; k < cols.Length; k++)
        {
            w[cols[k]] += d * vals[k];
        }

        if (target < 0 || lambda <= 0)
        {
            return;
        }

        var own = d * lambda;
        var offset = layout.TargetOffset(target);
        w[layout.TargetBias(target)] += own * Bias;
        for (var k = 0; k < cols.Length; k++)
        {
            w[offset + cols[k]] += own * vals[k];
        }
    }
}
