using System.Globalization;
using StanceBoard.Benchmarks.OldEngine.Scales;
using StanceBoard.Benchmarks.OldEngine.Spec;
using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>
/// Splits the plot region into panels side by side (facets share the left category labels),
/// reserves room for tick labels measured with the real font, and fits category axes: when
/// rows would be shorter than a line of text, only the most important categories are shown
/// and a note says so.
/// </summary>
internal static class PanelLayouter
{
    public static void Compute(RenderContext context, Rect region)
    {
        var panels = context.Spec.Panels;
        if (panels.Count == 0 || context.Spec.EmptyMessage is not null)
        {
            return;
        }

        var theme = context.Theme;
        var tick = theme.TickSize;
        var lineHeight = tick * theme.LineHeight;
        var first = panels[0];

        var top = 0.0;
        if (panels.Any(p => p.Title is not null || p.Y.Title is not null))
        {
            top += lineHeight * 1.15;
        }

        if (first.Y is LinearAxisSpec)
        {
            top += tick * 0.5; // the top tick label straddles the plot's edge
        }

        if (first.X is CategoryAxisSpec { LabelsOnTop: true })
        {
            top += lineHeight * 1.1;
        }

        var bottom = 0.0;
        if (first.X is LinearAxisSpec or DateAxisSpec)
        {
            bottom += (tick * 0.5) + lineHeight;
            if (first.X is DateAxisSpec)
            {
                bottom += lineHeight;
            }

            if (first.X.Title is not null)
            {
                bottom += lineHeight * 1.2;
            }
        }

        var left = LeftGutter(context, first.Y, region.Width);
        var right = first.X switch
        {
            DateAxisSpec => FontMetrics.Measure("30 Sep", tick) / 2,
            LinearAxisSpec l => FontMetrics.Measure(NumberFormat.Format(l.Max * 10, 0, l.SignedLabels), tick) / 2,
            _ => 0,
        };
        var gap = panels.Count > 1 ? theme.BaseSize * 1.6 : 0;
        var gutters = panels.Sum(p => p.RightGutterEm * tick);
        var panelWidth = (region.Width - left - right - gutters - (gap * (panels.Count - 1))) / panels.Count;
        var plotTop = region.Y + top;
        var plotHeight = Math.Max(tick * 2, region.Height - top - bottom);

        var x = region.X + left;
        for (var i = 0; i < panels.Count; i++)
        {
            var spec = panels[i];
            var plot = new Rect(x, plotTop, Math.Max(tick * 2, panelWidth), plotHeight);
            // x first: a y axis whose cells are at most square needs the x band (neither fit reads the other's side).
            var xAxis = FitX(context, spec.X, ref plot);
            var yAxis = FitY(context, spec.Y, ref plot, isFirst: i == 0, xAxis.Band);
            var gutter = spec.RightGutterEm * tick;
            context.Panels.Add(new PanelLayout(spec, plot, xAxis, yAxis, i == 0, i)
            {
                RightGutter = new Rect(plot.Right, plot.Y, gutter, plot.Height),
            });
            x += panelWidth + gutter + gap;
        }
    }

    private static double LeftGutter(RenderContext context, AxisSpec y, double regionWidth)
    {
        var theme = context.Theme;
        return y switch
        {
            CategoryAxisSpec c => Math.Min(
                c.Categories.Count == 0 ? 0 : c.Categories.Max(s => FontMetrics.Measure(s, theme.TickSize)),
                regionWidth * 0.3) + (theme.BaseSize * 0.7),
            LinearAxisSpec l => Math.Max(
                FontMetrics.Measure(NumberFormat.Format(-Math.Max(Math.Abs(l.Min), Math.Abs(l.Max)), 1, l.SignedLabels), theme.TickSize),
                FontMetrics.Measure("+0.5", theme.TickSize)) + (theme.BaseSize * 0.6),
            _ => 0,
        };
    }

    private static AxisLayout FitY(RenderContext context, AxisSpec spec, ref Rect plot, bool isFirst, double xBand)
    {
        var theme = context.Theme;
        switch (spec)
        {
            case CategoryAxisSpec c:
                var (slots, count) = Visible(context, c, plot.Height, isFirst);
                var band = count == 0 ? plot.Height : plot.Height / count;
                var cap = c.MaxBandEm is { } maxBand ? maxBand * theme.BaseSize : double.PositiveInfinity;
                if (c.AtMostSquare && xBand > 0)
                {
                    cap = Math.Min(cap, Math.Max(xBand, c.MinBandEm * theme.TickSize));
                }

                if (band > cap)
                {
                    band = cap;
                    plot = plot with { Height = band * count };
                }

                return new AxisLayout(c, new LinearScale(-0.5, count - 0.5, plot.Y, plot.Bottom), [], slots, band);
            case LinearAxisSpec l:
                var maxTicks = Math.Clamp((int)(plot.Height / (theme.TickSize * 2.6)), 2, 11);
                var (min, max, ticks) = LinearTicks(l, maxTicks);
                return new AxisLayout(l, new LinearScale(min, max, plot.Bottom, plot.Y), ticks);
            default:
                throw new NotSupportedException("A " + spec.GetType().Name + " cannot be a y axis.");
        }
    }

    private static AxisLayout FitX(RenderContext context, AxisSpec spec, ref Rect plot)
    {
        var theme = context.Theme;
        switch (spec)
        {
            case CategoryAxisSpec c:
                var count = c.Categories.Count;
                var band = count == 0 ? plot.Width : plot.Width / count;
                if (c.MaxBandEm is { } maxBand && band > maxBand * theme.BaseSize)
                {
                    band = maxBand * theme.BaseSize;
                    plot = plot with { Width = band * count };
                }

                return new AxisLayout(c, new LinearScale(-0.5, count - 0.5, plot.X, plot.Right), [], Enumerable.Range(0, count).ToArray(), band);
            case LinearAxisSpec l:
                var widest = FontMetrics.Measure(NumberFormat.Format(Math.Max(Math.Abs(l.Min), Math.Abs(l.Max)) * 10, 0), theme.TickSize);
                var maxTicks = Math.Clamp((int)(plot.Width / (widest + (theme.BaseSize * 2))), 2, 11);
                var (min, max, ticks) = LinearTicks(l, maxTicks);
                return new AxisLayout(l, new LinearScale(min, max, plot.X, plot.Right), ticks);
            case DateAxisSpec d:
                var firstDay = d.First.DayNumber;
                var endDay = d.Last.DayNumber + 1;
                var perDay = plot.Width / Math.Max(1, endDay - firstDay);
                var size = theme.TickSize;
                var dateTicks = DateTicks.Compute(d.First, d.Last, perDay, s => FontMetrics.Measure(s, size), theme.BaseSize * 1.2);
                return new AxisLayout(d, new LinearScale(firstDay, endDay, plot.X, plot.Right), dateTicks);
            default:
                throw new NotSupportedException("A " + spec.GetType().Name + " cannot be an x axis.");
        }
    }

    private static (int[] Slots, int Count) Visible(RenderContext context, CategoryAxisSpec axis, double height, bool addNote)
    {
        var total = axis.Categories.Count;
        var minBand = axis.MinBandEm * context.Theme.TickSize;
        var fit = Math.Max(1, (int)Math.Floor(height / minBand));
        var slots = new int[total];
        if (fit >= total)
        {
            for (var i = 0; i < total; i++)
            {
                slots[i] = i;
            }

            return (slots, total);
        }

        Array.Fill(slots, -1);
        var keep = new HashSet<int>((axis.Priority ?? Enumerable.Range(0, total).ToList()).Take(fit));
        var slot = 0;
        for (var i = 0; i < total; i++)
        {
            if (keep.Contains(i))
            {
                slots[i] = slot++;
            }
        }

        if (addNote)
        {
            context.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"Showing {slot} of {total} {axis.Noun} with the most pieces"));
        }

        return (slots, slot);
    }

    private static (double Min, double Max, IReadOnlyList<Tick> Ticks) LinearTicks(LinearAxisSpec axis, int maxTicks)
    {
        double step;
        IReadOnlyList<double> values;
        if (axis.Step is { } fixedStep)
        {
            step = fixedStep;
            while (((axis.Max - axis.Min) / step) + 1 > Math.Max(3, maxTicks))
            {
                step *= 2;
            }

            var list = new List<double>();
            for (var v = Math.Ceiling((axis.Min / step) - 1e-9) * step; v <= axis.Max + 1e-9; v += step)
            {
                list.Add(Math.Round(v, 10));
            }

            values = list;
        }
        else
        {
            (step, values) = NiceTicks.Compute(axis.Min, axis.Max, maxTicks);
        }

        var decimals = NumberFormat.DecimalsFor(step);
        var ticks = values.Select(v => new Tick(v, NumberFormat.Format(v, decimals, axis.SignedLabels))).ToList();
        var min = axis.Nice && axis.Step is null ? Math.Min(axis.Min, values[0]) : axis.Min;
        var max = axis.Nice && axis.Step is null ? Math.Max(axis.Max, values[^1]) : axis.Max;
        return (min, max, ticks.Where(t => t.Value >= min - 1e-9 && t.Value <= max + 1e-9).ToList());
    }
}
