namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>
/// Downsampling beyond what a pixel column can show: per output-pixel column, the lowest and
/// highest estimate (visited in the order they occur, so the line's envelope is kept) and the
/// widest interval. A series of any length becomes at most two line vertices and one band
/// vertex pair per column; runs separated by a gap in the bins stay separate.
/// </summary>
internal static class ColumnEnvelope
{
    /// <summary>One run of columns: line vertices (x, y) and band vertices (x, lower, upper).</summary>
    public sealed record Run(List<double> LineX, List<double> LineY, List<double> BandX, List<double> BandLow, List<double> BandHigh);

    public static List<Run> Downsample(IReadOnlyList<SeriesPoint> points, double xMin, double xMax, int columns)
    {
        var runs = new List<Run>();
        Run? run = null;
        var width = Math.Max(1e-9, xMax - xMin) / Math.Max(1, columns);
        long column = long.MinValue;
        double lo = 0, hi = 0, low = 0, high = 0, x = 0;
        bool loFirst = true;
        void Flush()
        {
            if (run is null || column == long.MinValue)
            {
                return;
            }

            run.LineX.Add(x);
            run.LineY.Add(loFirst ? lo : hi);
            if (hi != lo)
            {
                run.LineX.Add(x);
                run.LineY.Add(loFirst ? hi : lo);
            }

            run.BandX.Add(x);
            run.BandLow.Add(low);
            run.BandHigh.Add(high);
        }

        foreach (var p in points)
        {
            var c = (long)Math.Floor((p.X - xMin) / width);
            if (run is null || p.BreakBefore)
            {
                Flush();
                run = new Run([], [], [], [], []);
                runs.Add(run);
                column = long.MinValue;
            }

            if (c != column)
            {
                Flush();
                column = c;
                x = xMin + ((c + 0.5) * width);
                lo = hi = p.Y;
                low = p.Lower;
                high = p.Upper;
                loFirst = true;
                continue;
            }

            if (p.Y < lo)
            {
                lo = p.Y;
                loFirst = false;
            }

            if (p.Y > hi)
            {
                hi = p.Y;
            }

            low = Math.Min(low, p.Lower);
            high = Math.Max(high, p.Upper);
        }

        Flush();
        return runs;
    }
}
