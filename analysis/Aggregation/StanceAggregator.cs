using MathNet.Numerics.Distributions;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Aggregation;

/// <summary>
/// Summarises stance observations per target, author × target or outlet × target, over time
/// bins or a whole range: counts per stance, the mean score and a credible interval.
/// </summary>
/// <remarks>
/// <para>
/// <b>Interval: Bayesian shrinkage, not bootstrap.</b> Each cell's scores are modelled as
/// normal with unknown mean and variance, under a conjugate normal–inverse-χ² prior centred
/// on the target's overall mean and variance (over all pieces that pass the filter) and worth
/// <see cref="AggregationOptions.PriorStrength"/> pieces. The estimate is the posterior mean and
/// the interval the central <see cref="AggregationOptions.IntervalLevel"/> of the posterior
/// Student-t for the mean, clipped to [−1, 1].
/// </para>
/// <para>
/// Why: most author cells are thin (one to five pieces). A bootstrap there is worst exactly
/// where it matters: one piece gives a zero-width interval and two give a coin-flip range,
/// which reads as certainty. The shrinkage interval stays wide for thin cells, pulls a lone
/// extreme piece towards the target's mean instead of painting the author as maximally for or
/// against, and converges to the plain mean and t-interval as pieces accumulate. It is also
/// closed-form (fast enough to recompute on every new score) and deterministic without a seed.
/// Shrinking towards the target's mean rather than an outlet's keeps authors who write for
/// several outlets well defined.
/// </para>
/// <para>
/// Counting: for <see cref="AggregateDimension.Target"/> and <see cref="AggregateDimension.Outlet"/>
/// a piece counts once per target even when it has several authors; for
/// <see cref="AggregateDimension.Author"/> it counts once per author. Observations without an
/// author (or outlet) are left out of author (or outlet) aggregates; observations without a
/// published date are left out of binned aggregates. All functions are pure.
/// </para>
/// </remarks>
public static class StanceAggregator
{
    /// <summary>The variance assumed for a target whose pieces all have the same score.</summary>
    private const double MinimumVariance = 0.01;

    /// <summary>Aggregates observations; the result is sorted by target, group, then bin.</summary>
    /// <param name="observations">
    /// The observations (already filtered, see <see cref="StanceFilter"/>). Given an
    /// <see cref="ObservationSnapshot"/>, the result is computed once and kept with the snapshot.
    /// </param>
    /// <param name="dimension">What to group by besides the target.</param>
    /// <param name="options">Binning, thin threshold and interval options; <see cref="AggregationOptions.Default"/> when null.</param>
    /// <returns>One aggregate per non-empty cell.</returns>
    public static IReadOnlyList<StanceAggregate> Aggregate(
        IEnumerable<StanceObservation> observations,
        AggregateDimension dimension,
        AggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        options ??= AggregationOptions.Default;
        options.Validate();
        if (observations is ObservationSnapshot snapshot)
        {
            // Each snapshot aggregates each way once: charts that differ only in title or size share it.
            return snapshot.GetOrCompute(new AggregateKey(dimension, options), s => Compute(s, dimension, options).AsReadOnly());
        }

        return Compute(observations, dimension, options);
    }

    private static List<StanceAggregate> Compute(IEnumerable<StanceObservation> observations, AggregateDimension dimension, AggregationOptions options)
    {
        var counted = Deduplicate(observations, dimension);
        var priors = TargetPriors(counted);
        var cells = new Dictionary<CellKey, CellAccumulator>();
        foreach (var o in counted)
        {
            var group = dimension switch
            {
                AggregateDimension.Author => o.Author,
                AggregateDimension.Outlet => o.Outlet,
                _ => null,
            };
            if (dimension != AggregateDimension.Target && string.IsNullOrWhiteSpace(group))
            {
                continue;
            }

            DateOnly? bin = null;
            if (options.Bin != TimeBin.None)
            {
                if (o.Published is not { } published)
                {
                    continue;
                }

                bin = TimeBins.Start(published, options.Bin);
            }

            var key = new CellKey(o.Target, group, bin);
            if (!cells.TryGetValue(key, out var cell))
            {
                cell = new CellAccumulator();
                cells.Add(key, cell);
            }

            cell.Add(o);
        }

        var quantiles = new Dictionary<double, double>();
        return cells
            .OrderBy(c => c.Key.Target, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Group, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Bin)
            .Select(c => Summarise(c.Key, c.Value, priors[c.Key.Target], options, quantiles))
            .ToList();
    }

    /// <summary>Summarises one set of scores against a prior; exposed for callers that group scores themselves.</summary>
    /// <param name="scores">The scores, each in [−1, 1]; at least one.</param>
    /// <param name="priorMean">The prior's mean (usually the target's overall mean).</param>
    /// <param name="priorVariance">The prior's variance of a single score.</param>
    /// <param name="options">Interval level and prior strength.</param>
    /// <returns>The posterior mean and interval.</returns>
    public static (double Estimate, double Lower, double Upper) Interval(
        IReadOnlyList<double> scores,
        double priorMean,
        double priorVariance,
        AggregationOptions options)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(options);
        if (scores.Count == 0)
        {
            throw new ArgumentException("At least one score is needed.", nameof(scores));
        }

        var n = scores.Count;
        var mean = scores.Average();
        var sumSquares = scores.Sum(s => (s - mean) * (s - mean));
        return Posterior(n, mean, sumSquares, new Prior(priorMean, Math.Max(priorVariance, MinimumVariance)), options, []);
    }

    private static List<StanceObservation> Deduplicate(IEnumerable<StanceObservation> observations, AggregateDimension dimension)
    {
        // Sorting first makes the sums (and so every figure) independent of the input's order:
        // by piece, target, author and model version (ordinal), stable.
        var ordered = observations.Select(o => o ?? throw new ArgumentException("An observation is null.", nameof(observations))).ToArray();
        SortByPieceTargetAuthorVersion(ordered);

        // Sorted, the observations of one (piece, target[, author]) are adjacent: keep the first that has a score.
        var result = new List<StanceObservation>(ordered.Length);
        StanceObservation? kept = null;
        foreach (var o in ordered)
        {
            if (double.IsNaN(o.Score))
            {
                continue;
            }

            if (kept is not null && kept.PieceId == o.PieceId && string.Equals(kept.Target, o.Target, StringComparison.Ordinal)
                && (dimension != AggregateDimension.Author || string.Equals(kept.Author, o.Author, StringComparison.Ordinal)))
            {
                continue;
            }

            kept = o;
            result.Add(o);
        }

        return result;
    }

    // Equivalent to a stable OrderBy(PieceId).ThenBy(Target).ThenBy(Author).ThenBy(ModelVersion), but
    // linear for input already in piece order (as stores return it): only each piece's few rows are sorted.
    private static void SortByPieceTargetAuthorVersion(StanceObservation[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (items[i].PieceId < items[i - 1].PieceId)
            {
                var byPiece = items.OrderBy(o => o.PieceId).ToArray(); // stable
                byPiece.CopyTo(items, 0);
                break;
            }
        }

        var start = 0;
        while (start < items.Length)
        {
            var end = start + 1;
            while (end < items.Length && items[end].PieceId == items[start].PieceId)
            {
                end++;
            }

            // Insertion sort: stable, and a piece has a handful of rows.
            for (var i = start + 1; i < end; i++)
            {
                var item = items[i];
                var j = i - 1;
                while (j >= start && CompareWithinPiece(items[j], item) > 0)
                {
                    items[j + 1] = items[j];
                    j--;
                }

                items[j + 1] = item;
            }

            start = end;
        }
    }

    private static int CompareWithinPiece(StanceObservation a, StanceObservation b)
    {
        var order = string.CompareOrdinal(a.Target, b.Target);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Author, b.Author);
        }

        return order != 0 ? order : string.CompareOrdinal(a.ModelVersion, b.ModelVersion);
    }

    private static Dictionary<string, Prior> TargetPriors(List<StanceObservation> observations)
    {
        // Each piece counts once per target for the prior, whatever the dimension; the list is in
        // (piece, target) order, so a piece's repeats for a target are adjacent.
        var scores = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        StanceObservation? previous = null;
        foreach (var o in observations)
        {
            if (previous is not null && previous.PieceId == o.PieceId && string.Equals(previous.Target, o.Target, StringComparison.Ordinal))
            {
                continue;
            }

            previous = o;
            if (!scores.TryGetValue(o.Target, out var list))
            {
                list = [];
                scores.Add(o.Target, list);
            }

            list.Add(Clamp(o.Score));
        }

        var priors = new Dictionary<string, Prior>(scores.Count, StringComparer.Ordinal);
        foreach (var (target, list) in scores)
        {
            var mean = list.Average();
            var variance = list.Count > 1 ? list.Sum(s => (s - mean) * (s - mean)) / (list.Count - 1) : 0;
            priors.Add(target, new Prior(mean, Math.Max(variance, MinimumVariance)));
        }

        return priors;
    }

    private static StanceAggregate Summarise(CellKey key, CellAccumulator cell, Prior prior, AggregationOptions options, Dictionary<double, double> quantiles)
    {
        var mean = cell.Sum / cell.N;
        var sumSquares = Math.Max(0, cell.SumOfSquares - (cell.N * mean * mean));
        var (estimate, lower, upper) = Posterior(cell.N, mean, sumSquares, prior, options, quantiles);
        return new StanceAggregate
        {
            Target = key.Target,
            Group = key.Group,
            BinStart = key.Bin,
            BinEnd = key.Bin is { } start ? TimeBins.Next(start, options.Bin) : null,
            N = cell.N,
            Mean = mean,
            Estimate = estimate,
            Lower = lower,
            Upper = upper,
            Favor = cell.Favor,
            Against = cell.Against,
            None = cell.None,
            IsThin = cell.N < options.ThinThreshold,
            ModelVersions = cell.ModelVersions.Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static (double Estimate, double Lower, double Upper) Posterior(
        int n, double mean, double sumSquares, Prior prior, AggregationOptions options, Dictionary<double, double> quantiles)
    {
        var kappa0 = options.PriorStrength;
        var nu0 = options.PriorStrength;
        var kappaN = kappa0 + n;

        // Degrees of freedom: ν0 + n under the prior; n − 1 without one (the classical t-interval).
        var dof = nu0 > 0 ? nu0 + n : n - 1;
        var estimate = ((kappa0 * prior.Mean) + (n * mean)) / kappaN;
        if (dof <= 0)
        {
            // One piece and no prior: the data say nothing about spread.
            return (Clamp(estimate), -1, 1);
        }

        var delta = mean - prior.Mean;
        var scaleSquared = ((nu0 * prior.Variance) + sumSquares + (kappa0 * n * delta * delta / kappaN)) / dof;
        var standardError = Math.Sqrt(Math.Max(scaleSquared, 0) / kappaN);
        // The quantile depends only on the degrees of freedom: compute each once per call (InvCDF is iterative).
        if (!quantiles.TryGetValue(dof, out var t))
        {
            t = StudentT.InvCDF(0, 1, dof, 0.5 + (options.IntervalLevel / 2));
            quantiles[dof] = t;
        }

        return (Clamp(estimate), Clamp(estimate - (t * standardError)), Clamp(estimate + (t * standardError)));
    }

    private static double Clamp(double score) => Math.Clamp(score, -1, 1);

    private sealed record AggregateKey(AggregateDimension Dimension, AggregationOptions Options);

    private readonly record struct CellKey(string Target, string? Group, DateOnly? Bin);

    private readonly record struct Prior(double Mean, double Variance);

    private sealed class CellAccumulator
    {
        public int N { get; private set; }

        public double Sum { get; private set; }

        public double SumOfSquares { get; private set; }

        public int Favor { get; private set; }

        public int Against { get; private set; }

        public int None { get; private set; }

        public List<string> ModelVersions { get; } = new(1);

        public void Add(StanceObservation o)
        {
            var score = Clamp(o.Score);
            N++;
            Sum += score;
            SumOfSquares += score * score;
            switch (o.Stance)
            {
                case Stance.Favor:
                    Favor++;
                    break;
                case Stance.Against:
                    Against++;
                    break;
                default:
                    None++;
                    break;
            }

            if (!ModelVersions.Contains(o.ModelVersion, StringComparer.Ordinal))
            {
                ModelVersions.Add(o.ModelVersion);
            }
        }
    }
}
