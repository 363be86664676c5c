using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>How much render work live charts may cause. Section <c>LiveCharts</c>; validated at start.</summary>
public sealed class LiveChartsOptions
{
    public const string Section = "LiveCharts";

    /// <summary>Distinct live charts (after canonicalising keys) followed on the whole server; a subscription to one more is refused.</summary>
    /// <value>100.</value>
    [Range(1, 100_000)]
    public int MaxKeys { get; set; } = 100;

    /// <summary>Live charts redrawn at once after a change (each from the shared, cached observations of its filter).</summary>
    /// <value>2.</value>
    [Range(1, 64)]
    public int MaxConcurrentRenders { get; set; } = 2;
}
