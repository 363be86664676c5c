namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>What a legend entry's key looks like.</summary>
internal enum LegendKind
{
    Line,
    Band,
    Swatch,
    Hatch,
    HollowMarker,
    ColourRamp,
    EmptyCell,
    Whisker,
}
