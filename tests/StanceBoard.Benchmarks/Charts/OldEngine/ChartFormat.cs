namespace StanceBoard.Benchmarks.OldEngine;

/// <summary>What a chart is exported as.</summary>
internal enum ChartFormat
{
    /// <summary>SVG, the renderer's native output.</summary>
    Svg,

    /// <summary>PNG of exactly the requested pixels, DPI in its pHYs chunk.</summary>
    Png,

    /// <summary>Vector PDF of the physical size, fonts embedded.</summary>
    Pdf,

    /// <summary>The chart's data as CSV.</summary>
    Csv,
}
