namespace StanceBoard.Analysis.Aggregation;

/// <summary>How <see cref="StanceAggregator"/> groups and summarises observations.</summary>
public sealed record AggregationOptions
{
    /// <summary>The time bin.</summary>
    /// <value><see cref="TimeBin.None"/>: one aggregate per group over the whole range.</value>
    public TimeBin Bin { get; init; } = TimeBin.None;

    /// <summary>Cells with fewer pieces than this are marked <see cref="StanceAggregate.IsThin"/>.</summary>
    /// <value>5 by default. Must be at least 1.</value>
    public int ThinThreshold { get; init; } = 5;

    /// <summary>The probability mass of the interval.</summary>
    /// <value>0.9 by default (a 90% interval). Must be in (0, 1).</value>
    public double IntervalLevel { get; init; } = 0.9;

    /// <summary>
    /// How many pieces the prior (the target's overall mean) is worth. Larger values pull thin
    /// cells harder towards the target's mean; 0 gives the plain mean with a Student-t interval.
    /// </summary>
    /// <value>2 by default. Must be 0 or more.</value>
    public double PriorStrength { get; init; } = 2;

    /// <summary>The defaults: no bins, thin below 5 pieces, 90% interval, prior worth 2 pieces.</summary>
    public static AggregationOptions Default { get; } = new();

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (ThinThreshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ThinThreshold), ThinThreshold, "ThinThreshold must be at least 1.");
        }

        if (!(IntervalLevel > 0 && IntervalLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(IntervalLevel), IntervalLevel, "IntervalLevel must be between 0 and 1 (exclusive).");
        }

        if (!(PriorStrength >= 0) || double.IsInfinity(PriorStrength))
        {
            throw new ArgumentOutOfRangeException(nameof(PriorStrength), PriorStrength, "PriorStrength must be a finite number of 0 or more.");
        }

        if (!Enum.IsDefined(Bin))
        {
            throw new ArgumentOutOfRangeException(nameof(Bin), Bin, "Unknown time bin.");
        }
    }
}
