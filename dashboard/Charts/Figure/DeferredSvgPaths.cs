using SkiaSharp;
using StanceBoard.Dashboard.Charts.Export;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>
/// Dense paths whose SVG data is written by <see cref="SvgPathData"/> rather than by SkiaSharp's
/// SVG canvas. The canvas still draws each path's element (its paint, clip and place in the drawing
/// order) but with a tiny placeholder triangle; <see cref="SvgExport"/> then puts the real path data
/// in place of the placeholder's. Used only when drawing the SVG; PNG and PDF draw the real paths.
/// </summary>
internal sealed class DeferredSvgPaths
{
    private readonly List<(string Placeholder, string Data)> _paths = [];

    /// <summary>The paths deferred so far: the placeholder's path data as the canvas writes it, and the real data.</summary>
    public IReadOnlyList<(string Placeholder, string Data)> Paths => _paths;

    /// <summary>Records a closed polygon and returns the placeholder path to draw in its place (inside <paramref name="clip"/>, so the canvas keeps it).</summary>
    public SKPath Defer(ReadOnlySpan<SKPoint> polygon, SKRect clip)
    {
        // A right triangle a quarter unit wide near the clip's centre; its height carries the index, so
        // every placeholder's path data is distinct and unlike any coordinate a chart draws.
        var x = MathF.Floor(clip.MidX) + 0.25f;
        var y = MathF.Floor(clip.MidY) + 0.25f;
        var path = new SKPath();
        path.MoveTo(x, y);
        path.LineTo(x + 0.25f, y);
        path.LineTo(x, y + 0.25f + (_paths.Count / 1024f) + (1f / 4096f));
        path.Close();
        _paths.Add((path.ToSvgPathData(), SvgPathData.Polygon(polygon)));
        return path;
    }
}
