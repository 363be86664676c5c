using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>The body of a chart with nothing to plot: a framed, centred message saying why (for example which filters matched nothing).</summary>
internal sealed class MessageBody(string message) : IChartBody
{
    private SKRect _area;

    public string? Fit(SKRect area, ChartTheme theme)
    {
        _area = area;
        return null;
    }

    public void Render(FigureCanvas canvas)
    {
        var theme = canvas.Theme;
        using (var frame = new SKPaint { Color = ChartTheme.Sk(ChartTheme.Grid), IsStroke = true, StrokeWidth = theme.HairLine * 2, IsAntialias = true })
        {
            canvas.Canvas.DrawRect(_area, frame);
        }

        var size = theme.BaseSize < 1 ? 10f : (float)theme.BaseSize;
        var lines = ChartText.Wrap(ChartText.Clean(message), size, Math.Max(size, _area.Width * 0.85f), 4);
        var lineHeight = size * 1.4f;
        var y = _area.MidY - (lines.Count * lineHeight / 2) + (size * 0.9f);
        foreach (var line in lines)
        {
            canvas.DrawText("message", line, _area.MidX, y, size, ChartTheme.SecondaryText, align: SKTextAlign.Center);
            y += lineHeight;
        }
    }
}
