namespace StanceBoard.Analysis.Aggregation;

/// <summary>
/// Which observations a chart or aggregate covers. Empty sets mean "all"; names compare
/// case-insensitively; dates are UTC calendar days, both ends inclusive.
/// </summary>
public sealed record StanceFilter
{
    /// <summary>The first day included, or <see langword="null"/> for no lower bound.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day included, or <see langword="null"/> for no upper bound.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Authors to keep; empty keeps all (including pieces without an author).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Outlets to keep; empty keeps all (including pieces without an outlet).</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>Targets to keep; empty keeps all.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>A filter that keeps everything.</summary>
    public static StanceFilter All { get; } = new();

    /// <summary>Whether a date bound is set; then observations without a published date are left out.</summary>
    public bool HasDateRange => From is not null || To is not null;

    /// <summary>Keeps the observations that pass the filter, in their original order.</summary>
    /// <param name="observations">The observations to filter.</param>
    /// <returns>The observations that pass.</returns>
    public IEnumerable<StanceObservation> Apply(IEnumerable<StanceObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var authors = ToSet(Authors);
        var outlets = ToSet(Outlets);
        var targets = ToSet(Targets);
        return observations.Where(o => Matches(o, authors, outlets, targets));
    }

    /// <summary>Whether one observation passes the filter.</summary>
    /// <param name="observation">The observation.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public bool Matches(StanceObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return Matches(observation, ToSet(Authors), ToSet(Outlets), ToSet(Targets));
    }

    private bool Matches(StanceObservation o, HashSet<string>? authors, HashSet<string>? outlets, HashSet<string>? targets)
    {
        if (targets is not null && !targets.Contains(o.Target))
        {
            return false;
        }

        if (authors is not null && (o.Author is null || !authors.Contains(o.Author)))
        {
            return false;
        }

        if (outlets is not null && (o.Outlet is null || !outlets.Contains(o.Outlet)))
        {
            return false;
        }

        if (!HasDateRange)
        {
            return true;
        }

        if (o.Published is not { } published)
        {
            return false;
        }

        var day = DateOnly.FromDateTime(published.UtcDateTime);
        return (From is null || day >= From) && (To is null || day <= To);
    }

    private static HashSet<string>? ToSet(IReadOnlyList<string> names) =>
        names.Count == 0 ? null : new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
}
