namespace StanceBoard.Analysis.Aggregation;

/// <summary>
/// The summary of one cell: a target, optionally an author or outlet, optionally a time bin.
/// </summary>
public sealed record StanceAggregate
{
    /// <summary>The target.</summary>
    public required string Target { get; init; }

    /// <summary>The author or outlet, or <see langword="null"/> for <see cref="AggregateDimension.Target"/>.</summary>
    public string? Group { get; init; }

    /// <summary>The first day (UTC) of the time bin, or <see langword="null"/> without bins.</summary>
    public DateOnly? BinStart { get; init; }

    /// <summary>The day after the bin's last day (exclusive end), or <see langword="null"/> without bins.</summary>
    public DateOnly? BinEnd { get; init; }

    /// <summary>How many scored pieces the cell holds.</summary>
    public required int N { get; init; }

    /// <summary>The plain mean of the scores, in [−1, 1].</summary>
    public required double Mean { get; init; }

    /// <summary>
    /// The posterior mean: <see cref="Mean"/> shrunk towards the target's overall mean by the
    /// prior's weight (see <see cref="StanceAggregator"/>). Charts plot this value.
    /// </summary>
    public required double Estimate { get; init; }

    /// <summary>The lower end of the credible interval around <see cref="Estimate"/>, in [−1, 1].</summary>
    public required double Lower { get; init; }

    /// <summary>The upper end of the credible interval around <see cref="Estimate"/>, in [−1, 1].</summary>
    public required double Upper { get; init; }

    /// <summary>Pieces whose predicted stance is favor.</summary>
    public required int Favor { get; init; }

    /// <summary>Pieces whose predicted stance is against.</summary>
    public required int Against { get; init; }

    /// <summary>Pieces whose predicted stance is none.</summary>
    public required int None { get; init; }

    /// <summary>Whether <see cref="N"/> is below <see cref="AggregationOptions.ThinThreshold"/>.</summary>
    public required bool IsThin { get; init; }

    /// <summary>The model versions whose scores went into the cell, sorted ordinally, without duplicates.</summary>
    public required IReadOnlyList<string> ModelVersions { get; init; }
}
