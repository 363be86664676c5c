using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using SkiaSharp;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Charts.Export;

/// <summary>
/// A PNG of exactly the requested pixels: the figure drawn at the physical layout scaled by
/// dpi / 96 (what ScottPlot's scale factor does), encoded by SkiaSharp, then given a pHYs chunk
/// (so layout programs place it at its physical size) and the title in an iTXt chunk. Greyscale
/// output is an 8-bit grey PNG.
/// </summary>
internal static class PngExport
{
    public static byte[] Render(ChartFigure figure)
    {
        var size = figure.Size;
        size.Validate();
        var info = new SKImageInfo(size.WidthPx, size.HeightPx, SKColorType.Rgb888x, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new ChartExportException($"SkiaSharp could not make a {size.WidthPx} × {size.HeightPx} image.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)(size.Dpi / 96.0));
        FigureRenderer.Render(figure, canvas);
        canvas.Flush();
        using var image = surface.Snapshot();
        var options = new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 4);
        byte[] encoded;
        if (figure.Greyscale)
        {
            using var grey = new SKBitmap(new SKImageInfo(size.WidthPx, size.HeightPx, SKColorType.Gray8, SKAlphaType.Opaque));
            if (!image.ReadPixels(grey.Info, grey.GetPixels(), grey.RowBytes, 0, 0))
            {
                throw new ChartExportException("SkiaSharp could not convert the chart to greyscale.");
            }

            using var pixmap = grey.PeekPixels();
            using var data = pixmap.Encode(options) ?? throw new ChartExportException("SkiaSharp could not encode the PNG.");
            encoded = data.ToArray();
        }
        else
        {
            using var pixmap = image.PeekPixels();
            using var data = pixmap.Encode(options) ?? throw new ChartExportException("SkiaSharp could not encode the PNG.");
            encoded = data.ToArray();
        }

        return WithChunks(encoded, size, Text.ChartText.Clean(figure.Title));
    }

    /// <summary>Inserts pHYs (pixels per metre from the dpi) and iTXt Title right after IHDR.</summary>
    internal static byte[] WithChunks(byte[] png, ChartSize size, string title)
    {
        const int ihdrEnd = 8 + 4 + 4 + 13 + 4;
        var pixelsPerMetre = (uint)Math.Round(size.Dpi / 0.0254);
        var phys = new byte[9];
        BinaryPrimitives.WriteUInt32BigEndian(phys, pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(phys.AsSpan(4), pixelsPerMetre);
        phys[8] = 1; // unit: metre
        var itxt = new List<byte>(Encoding.ASCII.GetBytes("Title")) { 0, 0, 0, 0, 0 };
        itxt.AddRange(Encoding.UTF8.GetBytes(title));
        using var output = new MemoryStream(png.Length + 64 + itxt.Count);
        output.Write(png, 0, ihdrEnd);
        WriteChunk(output, "pHYs", phys);
        WriteChunk(output, "iTXt", [.. itxt]);
        output.Write(png, ihdrEnd, png.Length - ihdrEnd);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(header[4..]);
        crc.Append(data);
        Span<byte> sum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(sum, crc.GetCurrentHashAsUInt32());
        output.Write(sum);
    }
}
