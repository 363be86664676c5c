namespace StanceBoard.Benchmarks.OldEngine.Color;

/// <summary>How one series (a target's line) is drawn: colour, dash pattern and marker shape.</summary>
internal sealed record SeriesStyle(Rgb Colour, string Dash, MarkerShape Marker);
