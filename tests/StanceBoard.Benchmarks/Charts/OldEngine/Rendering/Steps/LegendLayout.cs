using StanceBoard.Benchmarks.OldEngine.Spec;
using StanceBoard.Benchmarks.OldEngine.Text;

namespace StanceBoard.Benchmarks.OldEngine.Rendering.Steps;

/// <summary>Flows legend entries left to right under the header, wrapping to new rows.</summary>
internal static class LegendLayout
{
    public static double KeyWidth(LegendItem item, double size) => item.Kind switch
    {
        LegendKind.Line or LegendKind.Whisker => size * 2.6,
        LegendKind.ColourRamp => size * 9,
        LegendKind.HollowMarker => size * 1.1,
        _ => size * 1.3,
    };

    public static double EntryWidth(LegendItem item, double size)
    {
        var text = FontMetrics.Measure(item.Label, size);
        if (item.Kind == LegendKind.ColourRamp)
        {
            return text + (size * 0.5) + KeyWidth(item, size) + (size * 0.5) + FontMetrics.Measure(item.HighLabel ?? string.Empty, size);
        }

        return KeyWidth(item, size) + (size * 0.45) + text;
    }

    /// <summary>Places the legend below <paramref name="top"/> and returns the y below it.</summary>
    public static double Compute(RenderContext context, double top)
    {
        var items = context.Spec.Legend;
        if (items.Count == 0 || context.Spec.EmptyMessage is not null)
        {
            return top;
        }

        var theme = context.Theme;
        var size = theme.LegendSize;
        var rowHeight = size * 1.7;
        var left = theme.Padding;
        var right = context.Width - theme.Padding;
        var spacing = size * 1.6;
        var y = top + (theme.Gap * 0.9) + (rowHeight / 2);
        var x = left;
        foreach (var item in items)
        {
            var width = EntryWidth(item, size);
            if (x > left && x + width > right)
            {
                x = left;
                y += rowHeight;
            }

            context.Legend.Add(new LegendEntryLayout(item, x, y, KeyWidth(item, size)));
            x += width + spacing;
        }

        return y + (rowHeight / 2);
    }
}
