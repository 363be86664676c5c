using System.Runtime.InteropServices;
using System.Text;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Export;

/// <summary>
/// Turns the chart's SVG into PNG or PDF with librsvg and cairo. Each call owns its handle,
/// surface and context, so calls may run in parallel; nothing global is written except the
/// one-time library check.
/// </summary>
internal static class SvgRasterizer
{
    // One delegate for the life of the process: cairo may call it until the surface is finished.
    private static readonly NativeMethods.CairoWriteFunc WriteToStream = Write;

    /// <summary>A PNG of exactly <see cref="ChartSize.WidthPx"/> × <see cref="ChartSize.HeightPx"/> pixels with the DPI in pHYs.</summary>
    public static byte[] RenderPng(string svg, ChartSize size, string? title, bool grey)
    {
        var (pixels, stride) = RenderPixels(svg, size);
        return PngEncoder.Encode(pixels, size.WidthPx, size.HeightPx, stride, size.Dpi, title, grey);
    }

    /// <summary>Rasterises the SVG onto a white cairo ARGB32 surface and returns its bytes and stride.</summary>
    public static (byte[] Pixels, int Stride) RenderPixels(string svg, ChartSize size)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(size);
        size.Validate();
        NativeLibraries.EnsureAvailable();
        var surface = NativeMethods.cairo_image_surface_create(NativeMethods.CairoFormatArgb32, size.WidthPx, size.HeightPx);
        try
        {
            CheckSurface(surface, "create the image surface");
            var cairo = NativeMethods.cairo_create(surface);
            try
            {
                NativeMethods.cairo_set_source_rgb(cairo, 1, 1, 1);
                NativeMethods.cairo_paint(cairo);
                RenderDocument(svg, cairo, size.WidthPx, size.HeightPx);
            }
            finally
            {
                NativeMethods.cairo_destroy(cairo);
            }

            NativeMethods.cairo_surface_flush(surface);
            var stride = NativeMethods.cairo_image_surface_get_stride(surface);
            var data = NativeMethods.cairo_image_surface_get_data(surface);
            var pixels = new byte[stride * size.HeightPx];
            Marshal.Copy(data, pixels, 0, pixels.Length);
            return (pixels, stride);
        }
        finally
        {
            NativeMethods.cairo_surface_destroy(surface);
        }
    }

    /// <summary>A one-page vector PDF of <see cref="ChartSize.WidthInches"/> × <see cref="ChartSize.HeightInches"/>, fonts embedded by cairo.</summary>
    public static byte[] RenderPdf(string svg, ChartSize size, string? title)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(size);
        size.Validate();
        NativeLibraries.EnsureAvailable();
        var widthPt = size.WidthInches * 72;
        var heightPt = size.HeightInches * 72;
        using var output = new MemoryStream();
        var closure = GCHandle.Alloc(output);
        try
        {
            var surface = NativeMethods.cairo_pdf_surface_create_for_stream(WriteToStream, GCHandle.ToIntPtr(closure), widthPt, heightPt);
            try
            {
                CheckSurface(surface, "create the PDF surface");
                if (!string.IsNullOrWhiteSpace(title))
                {
                    NativeMethods.cairo_pdf_surface_set_metadata(surface, NativeMethods.CairoPdfMetadataTitle, Utf8(title));
                }

                NativeMethods.cairo_pdf_surface_set_metadata(surface, NativeMethods.CairoPdfMetadataCreator, Utf8("StanceBoard"));
                var cairo = NativeMethods.cairo_create(surface);
                try
                {
                    RenderDocument(svg, cairo, widthPt, heightPt);
                    NativeMethods.cairo_show_page(cairo);
                }
                finally
                {
                    NativeMethods.cairo_destroy(cairo);
                }

                NativeMethods.cairo_surface_finish(surface);
                CheckSurface(surface, "write the PDF");
            }
            finally
            {
                NativeMethods.cairo_surface_destroy(surface);
            }
        }
        finally
        {
            closure.Free();
        }

        return output.ToArray();
    }

    private static void RenderDocument(string svg, IntPtr cairo, double width, double height)
    {
        var bytes = Encoding.UTF8.GetBytes(svg);
        var handle = NativeMethods.rsvg_handle_new_from_data(bytes, (nuint)bytes.Length, out var error);
        if (handle == IntPtr.Zero)
        {
            throw new ChartExportException("librsvg could not read the chart's SVG: " + TakeError(error));
        }

        try
        {
            var viewport = new NativeMethods.RsvgRectangle { X = 0, Y = 0, Width = width, Height = height };
            if (NativeMethods.rsvg_handle_render_document(handle, cairo, ref viewport, out error) == 0)
            {
                throw new ChartExportException("librsvg could not render the chart: " + TakeError(error));
            }
        }
        finally
        {
            NativeMethods.g_object_unref(handle);
        }

        var status = NativeMethods.cairo_status(cairo);
        if (status != NativeMethods.CairoStatusSuccess)
        {
            throw new ChartExportException($"cairo reported status {status} while rendering the chart.");
        }
    }

    private static void CheckSurface(IntPtr surface, string action)
    {
        var status = NativeMethods.cairo_surface_status(surface);
        if (status != NativeMethods.CairoStatusSuccess)
        {
            throw new ChartExportException($"cairo could not {action} (status {status}).");
        }
    }

    private static string TakeError(IntPtr error)
    {
        if (error == IntPtr.Zero)
        {
            return "unknown error";
        }

        var message = Marshal.PtrToStructure<NativeMethods.GError>(error).Message;
        var text = Marshal.PtrToStringUTF8(message) ?? "unknown error";
        NativeMethods.g_error_free(error);
        return text;
    }

    private static byte[] Utf8(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    private static int Write(IntPtr closure, IntPtr data, uint length)
    {
        try
        {
            var stream = (MemoryStream)GCHandle.FromIntPtr(closure).Target!;
            var buffer = new byte[length];
            Marshal.Copy(data, buffer, 0, (int)length);
            stream.Write(buffer, 0, buffer.Length);
            return NativeMethods.CairoStatusSuccess;
        }
        catch (Exception e) when (e is IOException or InvalidCastException or ArgumentException)
        {
            return 11; // CAIRO_STATUS_WRITE_ERROR
        }
    }
}
