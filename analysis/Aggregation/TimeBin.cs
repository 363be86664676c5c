namespace StanceBoard.Analysis.Aggregation;

/// <summary>How observations are grouped over time. All bins are UTC.</summary>
public enum TimeBin
{
    /// <summary>No time bins: one aggregate over the whole range.</summary>
    None = 0,

    /// <summary>UTC calendar days.</summary>
    Day = 1,

    /// <summary>ISO 8601 weeks, Monday to Sunday (UTC).</summary>
    Week = 2,

    /// <summary>UTC calendar months.</summary>
    Month = 3,
}
