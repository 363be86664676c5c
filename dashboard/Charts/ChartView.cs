namespace StanceBoard.Dashboard.Charts;

/// <summary>A chart as the dashboard shows it: the SVG and, beside it, its linked marks.</summary>
/// <param name="Svg">The SVG document (ScottPlot through SkiaSharp's SVG canvas), with a <c>viewBox</c> of <paramref name="Width"/> × <paramref name="Height"/>.</param>
/// <param name="Marks">The marks that lead to pages, in viewBox units.</param>
/// <param name="Width">The viewBox width (CSS px at the chart's physical size).</param>
/// <param name="Height">The viewBox height.</param>
public sealed record ChartView(string Svg, IReadOnlyList<ChartMark> Marks, double Width, double Height);
