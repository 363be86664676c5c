using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StanceBoard.Dashboard.Pipeline;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Labelling;

/// <summary>
/// Chooses the next piece for an annotator. In order:
/// <list type="number">
/// <item>a piece chosen for two annotators that someone else has labelled (agreement);</item>
/// <item>when the annotator's share of evaluation pieces has fallen below
/// <see cref="LabellingOptions.EvaluationShare"/>, the next piece of the fixed random evaluation slice;</item>
/// <item>otherwise active learning: for every target, the open pieces with the smallest margin between
/// the model's top two probabilities, each ranked by margin + w · (how often its target, its outlet and
/// each of its authors occur among the annotator's last <see cref="LabellingOptions.BalanceWindow"/>
/// pieces), w = <see cref="LabellingOptions.BalanceWeight"/>, so the queue is not fifty pieces from one
/// feed or on one target.</item>
/// </list>
/// A piece given to one annotator is leased to them for <see cref="LabellingOptions.Lease"/>, so two
/// annotators are not given the same piece at once (except as a second opinion).
/// </summary>
public sealed class LabelQueue(ILabelStore labels, ScorerProvider scorers, IOptions<LabellingOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, (string Annotator, DateTimeOffset Until)> _leases = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _recentTargets = new(StringComparer.OrdinalIgnoreCase);
    private (long Count, DateTimeOffset At) _open = (0, DateTimeOffset.MinValue);

    /// <summary>How many pieces are open in the queue, recounted at most every ten seconds (it is shown, not decided on).</summary>
    public async Task<long> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var cached = _open;
        if (now - cached.At < TimeSpan.FromSeconds(10))
        {
            return cached.Count;
        }

        var count = await labels.CountOpenAsync(cancellationToken);
        _open = (count, now);
        return count;
    }

    /// <summary>The next piece for <paramref name="annotator"/>, or <see langword="null"/> when nothing is left.</summary>
    public async Task<QueuePick?> NextAsync(string annotator, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(annotator);
        var settings = options.Value;
        var shares = settings.Shares;
        var now = time.GetUtcNow();
        foreach (var (id, lease) in _leases)
        {
            if (lease.Until <= now)
            {
                _leases.TryRemove(id, out _);
            }
        }

        var (mine, holdout) = await labels.CountMineAsync(annotator, cancellationToken);
        if (shares.DoubleCut > 0 && Free(await labels.ListAwaitingSecondAsync(annotator, shares, 20, cancellationToken), annotator, now) is { } second)
        {
            return Take(new QueuePick(second, QueueReason.SecondOpinion, null, null), annotator, now) with { Labelled = mine, Holdout = holdout };
        }

        var evaluationTurn = shares.EvaluationCut > 0 && holdout < settings.EvaluationShare * (mine + 1);
        var pick = evaluationTurn ? await NextEvaluationAsync(annotator, shares, now, cancellationToken) : null;
        pick ??= await NextUncertainAsync(annotator, settings, now, cancellationToken);

        // Active learning has nothing left: finish the evaluation slice.
        pick ??= evaluationTurn ? null : await NextEvaluationAsync(annotator, shares, now, cancellationToken);
        return pick is null ? null : Take(pick, annotator, now) with { Labelled = mine, Holdout = holdout };
    }

    /// <summary>Gives up <paramref name="annotator"/>'s lease on a piece (after a save or a skip).</summary>
    public void Release(long pieceId, string annotator)
    {
        if (_leases.TryGetValue(pieceId, out var lease) && string.Equals(lease.Annotator, annotator, StringComparison.OrdinalIgnoreCase))
        {
            _leases.TryRemove(pieceId, out _);
        }
    }

    private async Task<QueuePick?> NextEvaluationAsync(string annotator, LabelShares shares, DateTimeOffset now, CancellationToken cancellationToken) =>
        Free(await labels.ListEvaluationAsync(annotator, shares, 20, cancellationToken), annotator, now) is { } id
            ? new QueuePick(id, QueueReason.Evaluation, null, null)
            : null;

    private async Task<QueuePick?> NextUncertainAsync(string annotator, LabellingOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = new List<QueueCandidate>();
        foreach (var target in scorers.Current.Targets.Targets)
        {
            var found = await labels.ListUncertainAsync(target.Name, annotator, settings.Shares, settings.CandidatesPerTarget, cancellationToken);
            candidates.AddRange(found.Where(c => IsFree(c.PieceId, annotator, now)));
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var recent = await labels.ListRecentAsync(annotator, settings.BalanceWindow, cancellationToken);
        var facets = await labels.GetFacetsAsync([.. recent, .. candidates.Select(c => c.PieceId)], cancellationToken);
        var outlets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var authors = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in recent)
        {
            if (facets.TryGetValue(id, out var seen))
            {
                Count(outlets, seen.Outlet);
                foreach (var author in seen.Authors)
                {
                    Count(authors, author);
                }
            }
        }

        var targets = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in _recentTargets.GetValueOrDefault(annotator) ?? [])
        {
            Count(targets, target);
        }

        double Rank(QueueCandidate c)
        {
            var repeats = targets.GetValueOrDefault(c.Target);
            if (facets.TryGetValue(c.PieceId, out var f))
            {
                repeats += f.Outlet is null ? 0 : outlets.GetValueOrDefault(f.Outlet);
                repeats += f.Authors.Sum(a => authors.GetValueOrDefault(a));
            }

            return c.Margin + (settings.BalanceWeight * repeats);
        }

        var best = candidates.MinBy(c => (Rank(c), c.Margin, c.PieceId))!;
        var history = _recentTargets.GetOrAdd(annotator, _ => new ConcurrentQueue<string>());
        history.Enqueue(best.Target);
        while (history.Count > settings.BalanceWindow && history.TryDequeue(out _))
        {
        }

        return new QueuePick(best.PieceId, QueueReason.Uncertain, best.Target, best.Margin);
    }

    private long? Free(IReadOnlyList<long> ids, string annotator, DateTimeOffset now)
    {
        foreach (var id in ids)
        {
            if (IsFree(id, annotator, now))
            {
                return id;
            }
        }

        return null;
    }

    private bool IsFree(long pieceId, string annotator, DateTimeOffset now) =>
        !_leases.TryGetValue(pieceId, out var lease) || lease.Until <= now || string.Equals(lease.Annotator, annotator, StringComparison.OrdinalIgnoreCase);

    private QueuePick Take(QueuePick pick, string annotator, DateTimeOffset now)
    {
        // Only the annotator's latest piece is leased: moving on frees the one before.
        foreach (var (id, lease) in _leases)
        {
            if (id != pick.PieceId && string.Equals(lease.Annotator, annotator, StringComparison.OrdinalIgnoreCase))
            {
                _leases.TryRemove(id, out _);
            }
        }

        _leases[pick.PieceId] = (annotator, now + options.Value.Lease);
        return pick;
    }

    private static void Count(Dictionary<string, int> counts, string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}
