using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>What fills a figure between its header and footer: one ScottPlot plot, a multiplot, or a message.</summary>
internal interface IChartBody
{
    /// <summary>Fits the body into <paramref name="area"/> (layout units); returns a note for the footer (such as "Showing 20 of 57 authors") or <see langword="null"/>.</summary>
    string? Fit(SKRect area, ChartTheme theme);

    /// <summary>Draws the body into the area it was last fitted to, adding its texts and linked marks to <paramref name="canvas"/>.</summary>
    void Render(FigureCanvas canvas);
}
