using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>
/// The canvas a figure is drawn on (in layout units: SVG, or scaled for PNG and PDF), recording
/// every text it draws with its box and every linked mark, for the page and for layout tests.
/// </summary>
internal sealed class FigureCanvas(SKCanvas canvas, ChartTheme theme)
{
    public SKCanvas Canvas { get; } = canvas;

    public ChartTheme Theme { get; } = theme;

    public List<LaidOutText> Texts { get; } = [];

    public List<ChartMark> Marks { get; } = [];

    /// <summary>Draws one line of text with its left, centre or right at <paramref name="x"/> and its baseline at <paramref name="y"/>.</summary>
    public SKRect DrawText(string role, string text, float x, float y, float size, Rgb colour, bool bold = false, bool italic = false, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = ChartText.Font(size, bold, italic);
        using var paint = new SKPaint { Color = ChartTheme.Sk(colour), IsAntialias = true };
        var width = font.MeasureText(text);
        var left = align switch { SKTextAlign.Center => x - (width / 2), SKTextAlign.Right => x - width, _ => x };
        Canvas.DrawText(text, left, y, SKTextAlign.Left, font, paint);
        var box = new SKRect(left, y + font.Metrics.Ascent, left + width, y + font.Metrics.Descent);
        Texts.Add(new LaidOutText(role, text, box));
        return box;
    }

    /// <summary>Records a text ScottPlot drew (ticks, titles), for the layout checks.</summary>
    public void Record(string role, string text, SKRect box) => Texts.Add(new LaidOutText(role, text, box));
}
