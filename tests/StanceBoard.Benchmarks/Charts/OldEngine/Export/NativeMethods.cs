using System.Runtime.InteropServices;

namespace StanceBoard.Benchmarks.OldEngine.Export;

/// <summary>The few librsvg (≥ 2.46), cairo and GLib entry points export uses. All arguments are blittable.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Interoperability", "SYSLIB1054", Justification = "Blittable signatures; LibraryImport would need AllowUnsafeBlocks for no gain.")]
internal static class NativeMethods
{
    public const int CairoFormatArgb32 = 0;
    public const int CairoStatusSuccess = 0;
    public const int CairoPdfMetadataTitle = 0;
    public const int CairoPdfMetadataCreator = 4;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int CairoWriteFunc(IntPtr closure, IntPtr data, uint length);

    [DllImport(NativeLibraries.Rsvg, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern IntPtr rsvg_handle_new_from_data(byte[] data, nuint length, out IntPtr error);

    [DllImport(NativeLibraries.Rsvg, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int rsvg_handle_render_document(IntPtr handle, IntPtr cairo, ref RsvgRectangle viewport, out IntPtr error);

    [DllImport(NativeLibraries.GObject, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void g_object_unref(IntPtr instance);

    [DllImport(NativeLibraries.GLib, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void g_error_free(IntPtr error);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern IntPtr cairo_image_surface_create(int format, int width, int height);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern IntPtr cairo_image_surface_get_data(IntPtr surface);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int cairo_image_surface_get_stride(IntPtr surface);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern IntPtr cairo_pdf_surface_create_for_stream(CairoWriteFunc write, IntPtr closure, double widthPoints, double heightPoints);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void cairo_pdf_surface_set_metadata(IntPtr surface, int metadata, byte[] utf8);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int cairo_surface_status(IntPtr surface);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void cairo_surface_flush(IntPtr surface);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void cairo_surface_finish(IntPtr surface);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void cairo_surface_destroy(IntPtr surface);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern IntPtr cairo_create(IntPtr surface);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int cairo_status(IntPtr cairo);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void cairo_set_source_rgb(IntPtr cairo, double red, double green, double blue);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void cairo_paint(IntPtr cairo);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void cairo_show_page(IntPtr cairo);

    [DllImport(NativeLibraries.Cairo, CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void cairo_destroy(IntPtr cairo);

    /// <summary>librsvg's RsvgRectangle: four doubles.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RsvgRectangle
    {
        public double X;
        public double Y;
        public double Width;
        public double Height;
    }

    /// <summary>GLib's GError.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct GError
    {
        public uint Domain;
        public int Code;
        public IntPtr Message;
    }
}
