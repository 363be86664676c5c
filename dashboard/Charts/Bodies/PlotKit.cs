using ScottPlot;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Fonts;

namespace StanceBoard.Dashboard.Charts.Bodies;

/// <summary>
/// What every chart's ScottPlot plot shares: the chart font and sizes, quiet axes and grid, no
/// canvas clearing (the figure owns the background), rendering into a rectangle of the figure
/// without the first-render second pass, and the measured boxes of the tick labels it drew.
/// </summary>
internal static class PlotKit
{
    /// <summary>A plot in the chart style: DejaVu Sans at the theme's sizes, grey frame on the left and bottom, light grid.</summary>
    public static Plot Create(ChartTheme theme)
    {
        ChartFonts.EnsureLoaded();
        var plot = new Plot();
        plot.RenderManager.Remove<ScottPlot.Rendering.RenderActions.ClearCanvas>();
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.White;
        plot.Font.Set(ChartFonts.Family);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = theme.TickSize;
            axis.TickLabelStyle.ForeColor = ChartTheme.Scott(ChartTheme.Text);
            axis.Label.FontSize = theme.TickSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = ChartTheme.Scott(ChartTheme.SecondaryText);
            axis.MajorTickStyle.Color = ChartTheme.Scott(ChartTheme.Axis);
            axis.MajorTickStyle.Width = theme.HairLine;
            axis.MajorTickStyle.Length = theme.TickSize * 0.35f;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = ChartTheme.Scott(ChartTheme.Axis);
            axis.FrameLineStyle.Width = theme.HairLine;
        }

        plot.Axes.Right.FrameLineStyle.IsVisible = false;
        plot.Axes.Top.FrameLineStyle.IsVisible = false;
        plot.Grid.MajorLineColor = ChartTheme.Scott(ChartTheme.Grid);
        plot.Grid.MajorLineWidth = theme.HairLine;
        plot.Grid.MinorLineWidth = 0;
        plot.Axes.Title.Label.FontName = ChartFonts.Family;
        plot.Axes.Title.Label.FontSize = theme.TickSize * 1.05f;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = ChartTheme.Scott(ChartTheme.Text);
        return plot;
    }

    /// <summary>Ticks at fixed positions with fixed labels.</summary>
    public static ScottPlot.TickGenerators.NumericManual Ticks(IEnumerable<(double Position, string Label)> ticks)
    {
        var manual = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (position, label) in ticks)
        {
            manual.AddMajor(position, label);
        }

        return manual;
    }

    /// <summary>Names on the left axis (rows of a heatmap or bar chart), nudged so their letters sit on the row's centre line.</summary>
    public static void CategoryLabels(IAxis axis, IEnumerable<(double Position, string Label)> ticks, float tickSize)
    {
        axis.TickGenerator = Ticks(ticks);
        axis.TickLabelStyle.OffsetY = tickSize * 0.18f;
        axis.MajorTickStyle.Length = 0;
    }

    /// <summary>Stance ticks −1, −0.5, 0, +0.5, +1 with a true minus and a plus sign.</summary>
    public static ScottPlot.TickGenerators.NumericManual StanceTicks() =>
        Ticks([(-1, "\u22121.0"), (-0.5, "\u22120.5"), (0, "0.0"), (0.5, "+0.5"), (1, "+1.0")]);

    /// <summary>Renders <paramref name="plot"/> into <paramref name="rect"/> once (a first, invisible pass settles ScottPlot's layout so the real canvas gets one render, not two).</summary>
    public static void Render(Plot plot, SKCanvas canvas, SKRect rect)
    {
        var pixelRect = new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top);
        if (plot.RenderManager.RenderCount == 0)
        {
            // A first pass settles layout and ticks; plottables are hidden for it, so it costs next to nothing.
            var visible = plot.GetPlottables().Where(p => p.IsVisible).ToList();
            visible.ForEach(p => p.IsVisible = false);
            using var dry = new SKNoDrawCanvas((int)Math.Ceiling(rect.Right) + 1, (int)Math.Ceiling(rect.Bottom) + 1);
            plot.Render(dry, pixelRect);
            visible.ForEach(p => p.IsVisible = true);
        }

        canvas.Save();
        plot.Render(canvas, pixelRect);
        canvas.Restore();
    }

    /// <summary>Records the boxes of the tick labels and panel title ScottPlot drew (measured with the same font), for the layout checks.</summary>
    public static void RecordTexts(Plot plot, FigureCanvas figure)
    {
        var data = plot.RenderManager.LastRender.DataRect;
        using var paint = Paint.NewDisposablePaint();
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom, plot.Axes.Top })
        {
            if (!axis.IsVisible || !axis.TickLabelStyle.IsVisible)
            {
                continue;
            }

            var gap = axis.MajorTickStyle.Length + axis.TickLabelStyle.PixelPadding.Left;
            foreach (var tick in axis.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label)))
            {
                var at = axis.GetPixel(tick.Position, data);
                var size = axis.TickLabelStyle.Measure(tick.Label, paint).Size;
                var box = axis.Edge switch
                {
                    Edge.Left => new SKRect(data.Left - gap - size.Width, at - (size.Height / 2) + axis.TickLabelStyle.OffsetY, data.Left - gap, at + (size.Height / 2) + axis.TickLabelStyle.OffsetY),
                    Edge.Top => new SKRect(at - (size.Width / 2), data.Top - gap - size.Height, at + (size.Width / 2), data.Top - gap),
                    _ => new SKRect(at - (size.Width / 2), data.Bottom + gap, at + (size.Width / 2), data.Bottom + gap + size.Height),
                };
                if (at >= data.Left - 1 && at <= data.Right + 1 && (axis.Edge is not Edge.Left || (at >= data.Top - 1 && at <= data.Bottom + 1)))
                {
                    figure.Record("tick", tick.Label, box);
                }
            }
        }
    }
}
