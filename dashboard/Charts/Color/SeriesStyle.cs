using System.Globalization;

namespace StanceBoard.Dashboard.Charts.Color;

/// <summary>How one series (a target's line) is drawn: colour, dash pattern (in line widths, "6 3"; empty = solid) and marker shape.</summary>
internal sealed record SeriesStyle(Rgb Colour, string Dash, MarkerShape Marker)
{
    /// <summary>The dash pattern in layout units for a line <paramref name="lineWidth"/> wide.</summary>
    public float[] DashIntervals(float lineWidth) => Dash
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => float.Parse(d, CultureInfo.InvariantCulture) * lineWidth * 0.7f)
        .ToArray();
}
