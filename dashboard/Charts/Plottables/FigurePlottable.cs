using ScottPlot;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>
/// A ScottPlot plottable that draws with the chart font in pixel space and records the texts it
/// draws (for the layout checks); the subclasses are the marks ScottPlot has no plot type for
/// (labelled heatmap cells, diverging bars with whiskers, count labels, hollow-marker series).
/// </summary>
internal abstract class FigurePlottable : IPlottable
{
    /// <summary>Texts drawn in the last render, in canvas units.</summary>
    public List<LaidOutText> Texts { get; } = [];

    public bool IsVisible { get; set; } = true;

    public IAxes Axes { get; set; } = new ScottPlot.Axes();

    public IEnumerable<LegendItem> LegendItems => [];

    public virtual AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

    public void Render(RenderPack rp)
    {
        Texts.Clear();
        Draw(rp.Canvas);
    }

    protected abstract void Draw(SKCanvas canvas);

    protected SKRect CellRect(double left, double right, double bottom, double top)
    {
        var a = Axes.GetPixel(new Coordinates(left, top));
        var b = Axes.GetPixel(new Coordinates(right, bottom));
        return new SKRect(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));
    }

    protected void Text(SKCanvas canvas, string role, string text, float x, float middleY, SKFont font, SKColor colour, SKTextAlign align)
    {
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        var width = font.MeasureText(text);
        var left = align switch { SKTextAlign.Center => x - (width / 2), SKTextAlign.Right => x - width, _ => x };
        var baseline = middleY - ((font.Metrics.Ascent + font.Metrics.Descent) / 2);
        canvas.DrawText(text, left, baseline, SKTextAlign.Left, font, paint);
        Texts.Add(new LaidOutText(role, text, new SKRect(left, baseline + font.Metrics.Ascent, left + width, baseline + font.Metrics.Descent)));
    }
}
