using System.ComponentModel.DataAnnotations;

namespace StanceBoard.Dashboard.Demo;

/// <summary>The first-run demo replay. Section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Replay the demo corpus when the store holds no real pieces and the demo was never cleared.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Pause between replayed pieces, in milliseconds.</summary>
    /// <value>1,500.</value>
    [Range(0, 600_000)]
    public int IntervalMilliseconds { get; set; } = 1500;
}
