using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>"▲ Favor" at the top and "▼ Against" at the bottom of a stance axis, inside the plot's left edge.</summary>
internal sealed class StanceDirectionLabels(ChartTheme theme) : FigurePlottable
{
    protected override void Draw(SKCanvas canvas)
    {
        var size = theme.TickSize * 0.9f;
        using var font = ChartText.Font(size, italic: true);
        var top = CellRect(Axes.XAxis.Min, Axes.XAxis.Max, Axes.YAxis.Min, Axes.YAxis.Max);
        var colour = ChartTheme.Sk(ChartTheme.SecondaryText);
        Text(canvas, "axis-note", "\u25b2 Favor", top.Left + (size * 0.4f), top.Top + (size * 0.8f), font, colour, SKTextAlign.Left);
        Text(canvas, "axis-note", "\u25bc Against", top.Left + (size * 0.4f), top.Bottom - (size * 0.8f), font, colour, SKTextAlign.Left);
    }
}
