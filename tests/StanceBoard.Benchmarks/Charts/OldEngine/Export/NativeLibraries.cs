using System.Runtime.InteropServices;

namespace StanceBoard.Benchmarks.OldEngine.Export;

/// <summary>
/// Checks, once per process, that librsvg, cairo, GObject and the DejaVu fonts are installed,
/// and names the Debian package to install when one is not.
/// </summary>
internal static class NativeLibraries
{
    public const string Rsvg = "librsvg-2.so.2";
    public const string Cairo = "libcairo.so.2";
    public const string GObject = "libgobject-2.0.so.0";
    public const string GLib = "libglib-2.0.so.0";

    private static readonly (string Library, string Package)[] Required =
    [
        (Rsvg, "librsvg2-2"),
        (Cairo, "libcairo2"),
        (GObject, "libglib2.0-0"),
        (GLib, "libglib2.0-0"),
    ];

    private static readonly string[] FontFolders =
    [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
    ];

    private static readonly Lazy<string?> Problem = new(() => Check(TryLoad, FontInstalled), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Throws <see cref="ChartExportException"/> naming what is missing, if anything.</summary>
    public static void EnsureAvailable()
    {
        if (Problem.Value is { } problem)
        {
            throw new ChartExportException(problem);
        }
    }

    /// <summary>The first missing dependency as a message, or <see langword="null"/> when all are present.</summary>
    public static string? Check(Func<string, bool> tryLoad, Func<bool> fontInstalled)
    {
        ArgumentNullException.ThrowIfNull(tryLoad);
        ArgumentNullException.ThrowIfNull(fontInstalled);
        var missing = Required.Where(r => !tryLoad(r.Library)).ToList();
        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(m => m.Package).Distinct());
            return $"PNG and PDF export needs {string.Join(", ", missing.Select(m => m.Library))}, which could not be loaded. "
                + $"Install the Debian package{(missing.Select(m => m.Package).Distinct().Count() > 1 ? "s" : string.Empty)} {packages} (apt-get install {packages}); SVG and CSV export work without it.";
        }

        return fontInstalled()
            ? null
            : "PNG and PDF export needs the DejaVu Sans font, which was not found. Install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core).";
    }

    private static bool TryLoad(string library)
    {
        if (!NativeLibrary.TryLoad(library, typeof(NativeLibraries).Assembly, null, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }

    private static bool FontInstalled()
    {
        foreach (var folder in FontFolders)
        {
            try
            {
                if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "DejaVuSans.ttf", SearchOption.AllDirectories).Any())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder is not proof the font is missing; try the next one.
            }
        }

        return false;
    }
}
