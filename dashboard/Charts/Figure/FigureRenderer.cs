using System.Globalization;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Color;
using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>
/// Lays out and draws a figure in layout units (CSS px at the physical size): header (title,
/// subtitle, legend), the body (ScottPlot) in the space left, and the footer (caption, source,
/// date range, n, model versions, and the body's note). The same drawing goes onto the SVG, PNG
/// and PDF canvases, so every format shows the same chart.
/// </summary>
internal static class FigureRenderer
{
    /// <summary>Draws <paramref name="figure"/> onto <paramref name="canvas"/>, whose units are layout units.</summary>
    public static FigureCanvas Render(ChartFigure figure, SKCanvas canvas)
    {
        var size = figure.Size;
        var theme = new ChartTheme(size.FontPx, size.WidthInches, figure.Greyscale);
        var width = (float)size.LayoutWidth;
        var height = (float)size.LayoutHeight;
        var output = new FigureCanvas(canvas, theme);
        using (var background = new SKPaint { Color = SKColors.White })
        {
            canvas.DrawRect(new SKRect(0, 0, width, height), background);
        }

        var pad = theme.Padding;
        var content = width - (2 * pad);
        var header = Header(figure, theme, content);
        var body = figure.Body ?? new MessageBody(figure.EmptyMessage ?? "No data.");
        var footer = Footer(figure, theme, content, null);
        var area = new SKRect(pad, pad + header.Height, width - pad, Math.Max(pad + header.Height, height - pad - footer.Height));
        var note = body.Fit(area, theme);
        if (note is not null)
        {
            footer = Footer(figure, theme, content, note);
            area.Bottom = Math.Max(area.Top, height - pad - footer.Height);
            var refitted = body.Fit(area, theme);
            if (refitted is not null && refitted != note)
            {
                footer = Footer(figure, theme, content, refitted); // same length: only the count changed
            }
        }

        header.Draw(output, pad, pad);
        body.Render(output);
        footer.Draw(output, pad, height - pad - footer.Height);
        return output;
    }

    private static Block Header(ChartFigure figure, ChartTheme theme, float content)
    {
        var block = new Block();
        block.AddLines("title", ChartText.Wrap(ChartText.Clean(figure.Title), theme.TitleSize, content, 2, bold: true), theme.TitleSize, ChartTheme.Text, bold: true);
        if (!string.IsNullOrWhiteSpace(figure.Subtitle))
        {
            block.AddLines("subtitle", ChartText.Wrap(ChartText.Clean(figure.Subtitle), theme.SubtitleSize, content, 2), theme.SubtitleSize, ChartTheme.SecondaryText);
        }

        if (figure.Legend.Count > 0)
        {
            block.AddLegend(figure.Legend, theme, content, figure.Greyscale);
        }

        block.Height += theme.Gap;
        return block;
    }

    private static Block Footer(ChartFigure figure, ChartTheme theme, float content, string? note)
    {
        var block = new Block();
        block.Height += theme.Gap * 0.8f;
        var captionLines = theme.Narrow ? 6 : 3;
        block.AddLines("caption", ChartText.Wrap(ChartText.Clean(figure.Caption), theme.CaptionSize, content, captionLines), theme.CaptionSize, ChartTheme.Text);
        var models = figure.ModelVersions.Count switch
        {
            0 => "No model",
            1 => "Model " + figure.ModelVersions[0],
            _ => "Models " + string.Join(", ", figure.ModelVersions),
        };
        var parts = new List<string>
        {
            "Source: " + figure.SourceNote,
            figure.DateRange,
            string.Create(CultureInfo.InvariantCulture, $"n = {figure.Pieces:N0} pieces"),
            models,
        };
        if (note is not null)
        {
            parts.Add(note);
        }

        var meta = ChartText.Clean(string.Join(" \u00b7 ", parts));
        block.AddLines("meta", ChartText.Wrap(meta, theme.MetaSize, content, 3), theme.MetaSize, ChartTheme.SecondaryText);
        return block;
    }

    /// <summary>Stacked lines of text and an optional legend, measured before they are drawn.</summary>
    private sealed class Block
    {
        private readonly List<Action<FigureCanvas, float, float>> _draws = [];

        public float Height { get; set; }

        public void AddLines(string role, IReadOnlyList<string> lines, float size, Rgb colour, bool bold = false)
        {
            using var font = ChartText.Font(size, bold);
            var lineHeight = size * 1.25f;
            foreach (var line in lines)
            {
                var top = Height;
                var baseline = top + ((lineHeight - (font.Metrics.Descent - font.Metrics.Ascent)) / 2) - font.Metrics.Ascent;
                _draws.Add((c, x, y) => c.DrawText(role, line, x, y + baseline, size, colour, bold));
                Height += lineHeight;
            }
        }

        public void AddLegend(IReadOnlyList<LegendEntry> entries, ChartTheme theme, float content, bool greyscale)
        {
            Height += theme.Gap * 0.5f;
            var rowHeight = theme.LegendSize * 1.7f;
            var spacing = theme.LegendSize * 1.4f;
            float x = 0;
            var row = 0;
            foreach (var entry in entries)
            {
                var w = LegendKeys.Width(entry, theme);
                if (x > 0 && x + w > content)
                {
                    row++;
                    x = 0;
                }

                var (ex, top) = (x, Height + (row * rowHeight));
                _draws.Add((c, left, y) => LegendKeys.Draw(c, entry, left + ex, y + top + (rowHeight / 2), greyscale));
                x += w + spacing;
            }

            Height += (row + 1) * rowHeight;
        }

        public void Draw(FigureCanvas canvas, float x, float y)
        {
            foreach (var draw in _draws)
            {
                draw(canvas, x, y);
            }
        }
    }
}
