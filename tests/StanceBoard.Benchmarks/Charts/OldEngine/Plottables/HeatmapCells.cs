using System.Globalization;
using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Rendering;
using StanceBoard.Benchmarks.OldEngine.Scales;
using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>
/// Rows × columns of cells coloured by stance, each labelled with its estimate and n where the
/// cell is large enough. Thin cells are hatched and their labels set in italics; combinations
/// without pieces are left light grey.
/// </summary>
/// <param name="Cells">The cells with pieces.</param>
/// <param name="GroupKind">What rows are ("author" or "outlet"), written as <c>data-author</c> / <c>data-outlet</c> on each cell.</param>
/// <param name="Groups">Row names by row index.</param>
/// <param name="Targets">Column names by column index.</param>
internal sealed record HeatmapCells(IReadOnlyList<HeatmapCell> Cells, string GroupKind, IReadOnlyList<string> Groups, IReadOnlyList<string> Targets) : IPlottable
{
    public void Render(RenderContext context, PanelLayout panel)
    {
        var theme = context.Theme;
        var svg = context.Svg;
        var width = panel.X.Band;
        var height = panel.Y.Band;
        var inset = Math.Min(1.2, Math.Min(width, height) * 0.04);
        foreach (var row in panel.Y.VisibleCategories())
        {
            foreach (var column in panel.X.VisibleCategories())
            {
                svg.Rect(CellRect(panel, row, column, inset), theme.EmptyCell);
            }
        }

        var size = Math.Min(theme.CellSize, height * 0.42);
        var twoLines = height >= size * 2.7;
        foreach (var cell in Cells)
        {
            var cx = panel.X.Category(cell.Column);
            var cy = panel.Y.Category(cell.Row);
            if (double.IsNaN(cx) || double.IsNaN(cy))
            {
                continue;
            }

            var rect = CellRect(panel, cell.Row, cell.Column, inset);
            var fill = StancePalette.Map(cell.Value, context.Greyscale);
            svg.BeginDataGroup("cell", (GroupKind, Groups[cell.Row]), ("target", Targets[cell.Column]));
            svg.Rect(rect, fill.Hex);
            if (cell.Thin)
            {
                svg.Rect(rect, context.HatchFill(fill));
            }

            var value = NumberFormat.Format(cell.Value, 2, signed: true);
            var n = "n=" + cell.N.ToString("N0", CultureInfo.InvariantCulture);
            var style = new TextStyle(size, fill.ContrastingText, Bold: !cell.Thin, Italic: cell.Thin, Anchor: TextAnchor.Middle);
            var tooltip = string.Create(CultureInfo.InvariantCulture, $"{value} (n={cell.N}{(cell.Thin ? ", thin" : string.Empty)})");
            if (twoLines && FontMetrics.Measure(value, size, true) < width - (size * 0.6))
            {
                svg.Text(cx, cy - (size * 0.12), value, style, tooltip);
                svg.Text(cx, cy + (size * 1.02), n, style with { Bold = false, Size = size * 0.85 });
            }
            else if (FontMetrics.Measure(value + " " + n, size, true) < width - (size * 0.6) && height >= size * 1.3)
            {
                svg.Text(cx, cy + (size * FontMetrics.MiddleToBaselineEm), value + " " + n, style, tooltip);
            }
            else if (FontMetrics.Measure(value, size, true) < width - (size * 0.4) && height >= size * 1.2)
            {
                svg.Text(cx, cy + (size * FontMetrics.MiddleToBaselineEm), value, style, tooltip);
            }

            svg.EndGroup();
        }
    }

    private static Rect CellRect(PanelLayout panel, int row, int column, double inset) => new(
        panel.X.Category(column) - (panel.X.Band / 2) + inset,
        panel.Y.Category(row) - (panel.Y.Band / 2) + inset,
        panel.X.Band - (2 * inset),
        panel.Y.Band - (2 * inset));
}
