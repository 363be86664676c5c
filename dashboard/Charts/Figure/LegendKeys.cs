using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>Measures and draws the legend row under the subtitle: a key and a label per entry, wrapping onto more rows when needed.</summary>
internal static class LegendKeys
{
    private const int RampSteps = 15;

    public static float KeyWidth(LegendEntry entry, ChartTheme theme) => entry.Kind switch
    {
        LegendKind.Line => theme.LegendSize * 2.4f,
        LegendKind.ColourRamp => theme.LegendSize * 9f,
        LegendKind.Whisker => theme.LegendSize * 1.8f,
        LegendKind.HollowMarker => theme.LegendSize * 0.9f,
        _ => theme.LegendSize * 1.3f,
    };

    /// <summary>The width of an entry: key, labels and the gaps between them.</summary>
    public static float Width(LegendEntry entry, ChartTheme theme)
    {
        var gap = theme.LegendSize * 0.45f;
        var label = ChartText.Measure(entry.Label, theme.LegendSize);
        var high = entry.HighLabel is null ? 0 : ChartText.Measure(entry.HighLabel, theme.LegendSize) + gap;
        return label + gap + KeyWidth(entry, theme) + high;
    }

    /// <summary>Draws an entry with its vertical centre at <paramref name="cy"/>; for a colour ramp the label comes first ("−1 Against ▮▮▮ Favor +1").</summary>
    public static void Draw(FigureCanvas figure, LegendEntry entry, float x, float cy, bool greyscale)
    {
        var theme = figure.Theme;
        var size = theme.LegendSize;
        var gap = size * 0.45f;
        var baseline = cy + (size * 0.36f);
        var keyWidth = KeyWidth(entry, theme);
        if (entry.Kind == LegendKind.ColourRamp)
        {
            var low = figure.DrawText("legend", entry.Label, x, baseline, size, ChartTheme.Text);
            var rampLeft = low.Right + gap;
            DrawRamp(figure.Canvas, new SKRect(rampLeft, cy - (size * 0.5f), rampLeft + keyWidth, cy + (size * 0.5f)), greyscale, theme);
            if (entry.HighLabel is not null)
            {
                figure.DrawText("legend", entry.HighLabel, rampLeft + keyWidth + gap, baseline, size, ChartTheme.Text);
            }

            return;
        }

        DrawKey(figure.Canvas, entry, new SKRect(x, cy - (size * 0.5f), x + keyWidth, cy + (size * 0.5f)), theme);
        figure.DrawText("legend", entry.Label, x + keyWidth + gap, baseline, size, ChartTheme.Text);
    }

    private static void DrawRamp(SKCanvas canvas, SKRect rect, bool greyscale, ChartTheme theme)
    {
        var step = rect.Width / RampSteps;
        using var fill = new SKPaint { IsAntialias = false };
        for (var i = 0; i < RampSteps; i++)
        {
            var score = -1 + ((i + 0.5) * 2.0 / RampSteps);
            fill.Color = ChartTheme.Sk(StancePalette.Map(score, greyscale));
            canvas.DrawRect(new SKRect(rect.Left + (i * step), rect.Top, rect.Left + ((i + 1) * step) + 0.3f, rect.Bottom), fill);
        }

        using var line = new SKPaint { Color = ChartTheme.Sk(ChartTheme.Text), StrokeWidth = theme.HairLine * 1.5f, IsStroke = true, IsAntialias = true };
        canvas.DrawLine(rect.MidX, rect.Top - 2, rect.MidX, rect.Bottom + 2, line);
    }

    private static void DrawKey(SKCanvas canvas, LegendEntry entry, SKRect rect, ChartTheme theme)
    {
        using var stroke = new SKPaint { IsStroke = true, IsAntialias = true, StrokeWidth = theme.DataLine, Color = ChartTheme.Sk(ChartTheme.Text) };
        using var fill = new SKPaint { IsAntialias = true };
        switch (entry.Kind)
        {
            case LegendKind.Line when entry.Style is { } style:
                stroke.Color = ChartTheme.Sk(style.Colour);
                stroke.PathEffect = style.Dash.Length > 0 ? SKPathEffect.CreateDash(style.DashIntervals(theme.DataLine), 0) : null;
                canvas.DrawLine(rect.Left, rect.MidY, rect.Right, rect.MidY, stroke);
                if (entry.ShowMarker)
                {
                    stroke.PathEffect = null;
                    stroke.StrokeWidth = theme.DataLine * 0.8f;
                    Markers.Draw(canvas, style.Marker, rect.MidX, rect.MidY, theme.LegendSize * 0.3f, style.Colour, hollow: false, stroke.StrokeWidth);
                }

                break;
            case LegendKind.Band:
                fill.Color = ChartTheme.Sk(entry.Fill, 0.35);
                canvas.DrawRect(rect, fill);
                break;
            case LegendKind.Swatch:
                fill.Color = ChartTheme.Sk(entry.Fill);
                canvas.DrawRect(rect, fill);
                break;
            case LegendKind.Hatch:
                fill.Color = ChartTheme.Sk(entry.Fill);
                canvas.DrawRect(rect, fill);
                Hatch.Draw(canvas, rect, ChartTheme.Sk(ChartTheme.HatchStroke, 0.75), theme.LegendSize * 0.35f, theme.HairLine * 1.2f);
                stroke.StrokeWidth = theme.HairLine;
                stroke.Color = ChartTheme.Sk(ChartTheme.Axis);
                canvas.DrawRect(rect, stroke);
                break;
            case LegendKind.EmptyCell:
                fill.Color = ChartTheme.Sk(ChartTheme.EmptyCell);
                canvas.DrawRect(rect, fill);
                stroke.StrokeWidth = theme.HairLine;
                stroke.Color = ChartTheme.Sk(ChartTheme.Axis);
                canvas.DrawRect(rect, stroke);
                break;
            case LegendKind.HollowMarker:
                Markers.Draw(canvas, MarkerShape.Circle, rect.MidX, rect.MidY, theme.LegendSize * 0.3f, ChartTheme.SecondaryText, hollow: true, theme.DataLine * 0.8f);
                break;
            case LegendKind.Whisker:
                stroke.StrokeWidth = theme.HairLine * 1.8f;
                canvas.DrawLine(rect.Left, rect.MidY, rect.Right, rect.MidY, stroke);
                canvas.DrawLine(rect.Left, rect.Top + 2, rect.Left, rect.Bottom - 2, stroke);
                canvas.DrawLine(rect.Right, rect.Top + 2, rect.Right, rect.Bottom - 2, stroke);
                break;
            default:
                break;
        }
    }
}
