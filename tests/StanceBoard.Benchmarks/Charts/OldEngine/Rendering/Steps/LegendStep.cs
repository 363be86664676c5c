using StanceBoard.Benchmarks.OldEngine.Color;
using StanceBoard.Benchmarks.OldEngine.Plottables;
using StanceBoard.Benchmarks.OldEngine.Spec;
using StanceBoard.Benchmarks.OldEngine.Svg;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Draws the legend entries placed by <see cref="LegendLayout"/>.</summary>
internal sealed class LegendStep : IRenderStep
{
    public void Render(RenderContext context)
    {
        var theme = context.Theme;
        var svg = context.Svg;
        var size = theme.LegendSize;
        var text = new TextStyle(size, theme.Text);
        foreach (var entry in context.Legend)
        {
            var item = entry.Item;
            var x = entry.X;
            var y = entry.MiddleY;
            var box = new Rect(x, y - (size * 0.5), entry.KeyWidth, size);
            switch (item.Kind)
            {
                case LegendKind.Line when item.Style is { } style:
                    svg.Line(x, y, x + entry.KeyWidth, y, style.Colour.Hex, theme.DataLine * 1.1, style.Dash);
                    if (item.ShowMarker)
                    {
                        Markers.Draw(svg, style.Marker, x + (entry.KeyWidth / 2), y, theme.BaseSize * 0.3, style.Colour.Hex, hollow: false, theme.HairLine);
                    }

                    break;
                case LegendKind.Band:
                    svg.Rect(box, item.Fill.Hex, opacity: 0.35);
                    break;
                case LegendKind.Swatch:
                    svg.Rect(box, item.Fill.Hex);
                    break;
                case LegendKind.Hatch:
                    svg.Rect(box, item.Fill.Hex, theme.Axis, theme.HairLine);
                    svg.Rect(box, context.HatchFill(item.Fill));
                    break;
                case LegendKind.Whisker:
                    var cap = size * 0.35;
                    svg.Line(x, y, x + entry.KeyWidth, y, theme.Text, theme.HairLine * 1.8);
                    svg.Line(x, y - cap, x, y + cap, theme.Text, theme.HairLine * 1.8);
                    svg.Line(x + entry.KeyWidth, y - cap, x + entry.KeyWidth, y + cap, theme.Text, theme.HairLine * 1.8);
                    break;
                case LegendKind.EmptyCell:
                    svg.Rect(box, theme.EmptyCell, theme.Axis, theme.HairLine);
                    break;
                case LegendKind.HollowMarker:
                    Markers.Draw(svg, MarkerShape.Circle, x + (entry.KeyWidth / 2), y, theme.BaseSize * 0.32, theme.SecondaryText, hollow: true, theme.DataLine * 0.8);
                    break;
                case LegendKind.ColourRamp:
                    x = DrawRamp(context, entry, text);
                    svg.Text(x, y + (size * FontMetrics.MiddleToBaselineEm), item.HighLabel ?? string.Empty, text);
                    continue;
                default:
                    break;
            }

            svg.Text(x + entry.KeyWidth + (size * 0.45), y + (size * FontMetrics.MiddleToBaselineEm), item.Label, text);
        }
    }

    /// <summary>Draws "low label [ramp]" and returns the x for the high label.</summary>
    private static double DrawRamp(RenderContext context, LegendEntryLayout entry, TextStyle text)
    {
        var svg = context.Svg;
        var size = text.Size;
        var y = entry.MiddleY;
        svg.Text(entry.X, y + (size * FontMetrics.MiddleToBaselineEm), entry.Item.Label, text);
        var x = entry.X + FontMetrics.Measure(entry.Item.Label, size) + (size * 0.5);
        const int steps = 21;
        var step = entry.KeyWidth / steps;
        for (var i = 0; i < steps; i++)
        {
            var score = -1 + (2.0 * i / (steps - 1));
            svg.Rect(new Rect(x + (i * step), y - (size * 0.5), step + 0.3, size), StancePalette.Map(score, context.Greyscale).Hex);
        }

        svg.Line(x + (entry.KeyWidth / 2), y - (size * 0.7), x + (entry.KeyWidth / 2), y + (size * 0.7), context.Theme.Text, context.Theme.HairLine);
        return x + entry.KeyWidth + (size * 0.5);
    }
}
