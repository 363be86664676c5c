namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>
/// Keeps a line's shape while dropping points finer than a pixel: per pixel column it keeps the
/// first, lowest, highest and last point (the M4 algorithm), so cost and output stay flat however
/// many points come in. Band bounds keep their extremes per column too.
/// </summary>
internal static class Downsampler
{
    /// <summary>The points to draw, already mapped to pixels: (x, y, lower, upper).</summary>
    public static List<(double X, double Y, double Lower, double Upper)> M4(
        IReadOnlyList<(double X, double Y, double Lower, double Upper)> points, double columnWidth)
    {
        if (points.Count <= 4 || columnWidth <= 0)
        {
            return points.ToList();
        }

        var result = new List<(double X, double Y, double Lower, double Upper)>();
        var start = 0;
        while (start < points.Count)
        {
            var column = Math.Floor(points[start].X / columnWidth);
            var end = start;
            int minIndex = start, maxIndex = start;
            double lower = points[start].Lower, upper = points[start].Upper;
            while (end + 1 < points.Count && Math.Floor(points[end + 1].X / columnWidth) == column)
            {
                end++;
                if (points[end].Y < points[minIndex].Y)
                {
                    minIndex = end;
                }

                if (points[end].Y > points[maxIndex].Y)
                {
                    maxIndex = end;
                }

                lower = Math.Min(lower, points[end].Lower);
                upper = Math.Max(upper, points[end].Upper);
            }

            if (end == start)
            {
                result.Add(points[start]);
            }
            else
            {
                // Pixel y grows downward; the band keeps the column's full extent on every kept point.
                foreach (var i in new[] { start, minIndex, maxIndex, end }.Distinct().Order())
                {
                    result.Add((points[i].X, points[i].Y, lower, upper));
                }
            }

            start = end + 1;
        }

        return result;
    }
}
