using System.Globalization;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>
/// Drawn over ScottPlot's heatmap: white gaps between cells, hatching on thin cells, and in each
/// cell its estimate and n (two lines, one, or the estimate alone, whichever fits; italics when
/// thin). Row <c>r</c> is at y = rows − 1 − r, column <c>c</c> at x = c.
/// </summary>
internal sealed class StanceCellLabels(IReadOnlyList<HeatmapCell> cells, int rows, int columns, ChartTheme theme) : FigurePlottable
{
    protected override void Draw(SKCanvas canvas)
    {
        var greyscale = theme.Greyscale;
        using var gap = new SKPaint { Color = SKColors.White, IsStroke = true, StrokeWidth = Math.Max(1f, theme.HairLine * 2.4f), IsAntialias = true };
        var first = CellRect(-0.5, 0.5, rows - 0.5, rows - 1.5);
        var size = Math.Min(theme.CellSize, first.Height * 0.42f);
        using var bold = ChartText.Font(size, bold: true);
        using var italic = ChartText.Font(size, italic: true);
        using var small = ChartText.Font(size * 0.85f);
        using var smallItalic = ChartText.Font(size * 0.85f, italic: true);
        foreach (var cell in cells)
        {
            var y = rows - 1 - cell.Row;
            var rect = CellRect(cell.Column - 0.5, cell.Column + 0.5, y - 0.5, y + 0.5);
            var fill = StancePalette.Map(cell.Value, greyscale);
            if (cell.Thin)
            {
                Hatch.Draw(canvas, rect, ChartTheme.Sk(ChartTheme.HatchStroke, 0.55), Math.Max(3f, theme.CellSize * 0.45f), theme.HairLine * 1.1f);
            }

            var colour = ChartTheme.Sk(fill.Luminance > 0.33 ? ChartTheme.Text : ChartTheme.Background);
            var value = NumberFormat.Format(cell.Value, 2, signed: true);
            var n = "n=" + cell.N.ToString("N0", CultureInfo.InvariantCulture);
            var main = cell.Thin ? italic : bold;
            var sub = cell.Thin ? smallItalic : small;
            var room = rect.Width - (size * 0.6f);
            if (rect.Height >= size * 2.7f && main.MeasureText(value) < room)
            {
                Text(canvas, "cell", value, rect.MidX, rect.MidY - (size * 0.55f), main, colour, SKTextAlign.Center);
                Text(canvas, "cell", n, rect.MidX, rect.MidY + (size * 0.62f), sub, colour, SKTextAlign.Center);
            }
            else if (rect.Height >= size * 1.3f && main.MeasureText(value + " " + n) < room)
            {
                Text(canvas, "cell", value + " " + n, rect.MidX, rect.MidY, main, colour, SKTextAlign.Center);
            }
            else if (rect.Height >= size * 1.2f && main.MeasureText(value) < room)
            {
                Text(canvas, "cell", value, rect.MidX, rect.MidY, main, colour, SKTextAlign.Center);
            }
        }

        // White gaps between all cells, filled or empty, drawn last so every cell reads as a tile.
        using var grid = new SKPath();
        for (var c = 0; c <= columns; c++)
        {
            var top = CellRect(c - 0.5, c - 0.5, -0.5, rows - 0.5);
            grid.MoveTo(top.Left, top.Top);
            grid.LineTo(top.Left, top.Bottom);
        }

        for (var r = 0; r <= rows; r++)
        {
            var line = CellRect(-0.5, columns - 0.5, r - 0.5, r - 0.5);
            grid.MoveTo(line.Left, line.Top);
            grid.LineTo(line.Right, line.Top);
        }

        canvas.DrawPath(grid, gap);
    }
}
