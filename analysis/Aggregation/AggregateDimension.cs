namespace StanceBoard.Analysis.Aggregation;

/// <summary>What an aggregate is grouped by, besides the target (and the time bin).</summary>
public enum AggregateDimension
{
    /// <summary>Only the target: every piece that mentions it, counted once.</summary>
    Target = 0,

    /// <summary>Author × target: a piece with several authors counts once for each of them.</summary>
    Author = 1,

    /// <summary>Outlet × target: each piece counted once.</summary>
    Outlet = 2,
}
