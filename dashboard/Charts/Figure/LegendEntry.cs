using StanceBoard.Dashboard.Charts.Color;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>One legend entry; <see cref="Style"/> for lines, <see cref="Fill"/> for swatches and bands, <see cref="HighLabel"/> for a colour ramp's right end.</summary>
internal sealed record LegendEntry(LegendKind Kind, string Label)
{
    public SeriesStyle? Style { get; init; }

    public Rgb Fill { get; init; }

    public string? HighLabel { get; init; }

    /// <summary>Whether a line key shows its marker (only when the series draws markers).</summary>
    public bool ShowMarker { get; init; } = true;
}
