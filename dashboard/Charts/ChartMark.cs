namespace StanceBoard.Dashboard.Charts;

/// <summary>
/// A mark of a chart that leads to a page (a heatmap cell, a position bar), with its rectangle in
/// the SVG's coordinates (its <c>viewBox</c> units), measured after ScottPlot rendered the chart.
/// The page lays a focusable link over each.
/// </summary>
/// <param name="Kind"><c>author</c> or <c>outlet</c>: whose page the mark leads to.</param>
/// <param name="Name">The author's or outlet's whole name (labels on the chart may be shortened).</param>
/// <param name="Target">The target of the cell or panel.</param>
/// <param name="Value">The estimate shown.</param>
/// <param name="N">Pieces behind the estimate.</param>
/// <param name="Thin">Whether the estimate rests on fewer pieces than the thin threshold.</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record ChartMark(string Kind, string Name, string Target, double Value, int N, bool Thin, double X, double Y, double Width, double Height);
