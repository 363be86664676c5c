using SkiaSharp;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Charts.Export;

/// <summary>
/// A one-page vector PDF of width/dpi × height/dpi inches: SkiaSharp's PDF document with the figure
/// drawn onto the page's canvas (72 pt per inch, so layout units scale by 72/96); the chart font
/// is embedded (subset) by Skia.
/// </summary>
internal static class PdfExport
{
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static byte[] Render(ChartFigure figure)
    {
        var size = figure.Size;
        size.Validate();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Text.ChartText.Clean(figure.Title),
            Creator = "StanceBoard",
            Producer = "StanceBoard (ScottPlot, SkiaSharp)",
            RasterDpi = size.Dpi,
            EncodingQuality = 101,
            PdfA = false,
            Creation = Epoch,
            Modified = Epoch,
        };
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, metadata) ?? throw new ChartExportException("SkiaSharp could not start a PDF document."))
        {
            var canvas = document.BeginPage((float)(size.WidthInches * 72), (float)(size.HeightInches * 72));
            canvas.Scale(72f / 96f);
            FigureRenderer.Render(figure, canvas);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }
}
