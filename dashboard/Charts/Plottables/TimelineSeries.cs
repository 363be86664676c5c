using StanceBoard.Dashboard.Charts.Color;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>A target's stance over time as the timeline draws it.</summary>
internal sealed record TimelineSeries(string Target, SeriesStyle Style, IReadOnlyList<SeriesPoint> Points)
{
    /// <summary>Series with more points than this get no markers.</summary>
    public const int MarkerLimit = 60;

    /// <summary>Whether a series of <paramref name="count"/> points on a figure <paramref name="widthPx"/> pixels wide is downsampled per pixel column (solid, no markers).</summary>
    public static bool IsDense(int count, int widthPx) => count * 2 > widthPx;
}
