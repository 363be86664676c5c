using StanceBoard.Benchmarks.OldEngine.Rendering;
using StanceBoard.Benchmarks.OldEngine.Svg;

namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>
/// Downsampling beyond pixel resolution: per output-pixel column, the highest and lowest value
/// of a series (min/max per column, as M4 keeps). A dense line drawn as this filled envelope
/// looks the same as the full polyline, but costs two vertices per column whatever the number
/// of points. Runs of columns separated by a gap in the bins stay separate shapes.
/// </summary>
internal static class ColumnEnvelope
{
    /// <summary>Runs of (x, top, bottom) in layout units, one entry per occupied pixel column.</summary>
    public static List<List<(double X, double Top, double Bottom)>> Build(
        IReadOnlyList<SeriesPoint> points,
        PanelLayout panel,
        double pixel,
        Func<SeriesPoint, double> high,
        Func<SeriesPoint, double> low,
        double minThickness)
    {
        var runs = new List<List<(double X, double Top, double Bottom)>>();
        List<(double X, double Top, double Bottom)>? run = null;
        var column = long.MinValue;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var x = Math.Clamp(panel.X.Map(p.X), panel.Plot.X, panel.Plot.Right);
            var top = Math.Clamp(panel.Y.Map(high(p)), panel.Plot.Y, panel.Plot.Bottom);
            var bottom = Math.Clamp(panel.Y.Map(low(p)), panel.Plot.Y, panel.Plot.Bottom);
            if (top > bottom)
            {
                (top, bottom) = (bottom, top);
            }

            if (bottom - top < minThickness)
            {
                // Filled, not stroked: a flat stretch still shows as a line this thick.
                var middle = (top + bottom) / 2;
                top = middle - (minThickness / 2);
                bottom = middle + (minThickness / 2);
            }

            var c = (long)Math.Floor(x / pixel);
            if (run is null || p.BreakBefore)
            {
                run = [];
                runs.Add(run);
                column = long.MinValue;
            }

            if (c == column)
            {
                var last = run[^1];
                run[^1] = (last.X, Math.Min(last.Top, top), Math.Max(last.Bottom, bottom));
            }
            else
            {
                run.Add(((c + 0.5) * pixel, top, bottom));
                column = c;
            }
        }

        return runs;
    }

    /// <summary>Writes each run as one closed path: along the tops, back along the bottoms.</summary>
    public static void Write(SvgWriter svg, List<List<(double X, double Top, double Bottom)>> runs, string fill, double opacity)
    {
        foreach (var run in runs)
        {
            svg.BeginPath();
            svg.MoveTo(run[0].X, run[0].Top);
            for (var i = 1; i < run.Count; i++)
            {
                svg.LineTo(run[i].X, run[i].Top);
            }

            for (var i = run.Count - 1; i >= 0; i--)
            {
                svg.LineTo(run[i].X, run[i].Bottom);
            }

            svg.ClosePath();
            // Column-aligned shapes need no antialiasing, and skipping it makes them several times cheaper to rasterise.
            svg.EndPath(fill, fillOpacity: opacity, crisp: true);
        }
    }

}
