using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine;

/// <summary>
/// Named output sizes: <c>screen</c> (1200 × 750 px, 96 dpi, 10 pt), <c>print-single</c>
/// (3.5 × 3.5 in at 300 dpi, 7 pt), <c>print-double</c> (7 × 4.5 in at 300 dpi, 8 pt) and
/// <c>slide</c> (16:9, 1920 × 1080 px at 144 dpi = 13.3 × 7.5 in, 14 pt).
/// </summary>
internal static class ChartPresets
{
    /// <summary>For the dashboard and the web.</summary>
    public static ChartSize Screen { get; } = new() { WidthPx = 1200, HeightPx = 750, Dpi = 96, FontPt = 10 };

    /// <summary>One journal column, 3.5 in wide.</summary>
    public static ChartSize PrintSingleColumn { get; } = new() { WidthPx = 1050, HeightPx = 1050, Dpi = 300, FontPt = 7 };

    /// <summary>Two journal columns, 7 in wide.</summary>
    public static ChartSize PrintDoubleColumn { get; } = new() { WidthPx = 2100, HeightPx = 1350, Dpi = 300, FontPt = 8 };

    /// <summary>A full 16:9 slide.</summary>
    public static ChartSize Slide { get; } = new() { WidthPx = 1920, HeightPx = 1080, Dpi = 144, FontPt = 14 };

    /// <summary>The preset names, as accepted by <see cref="TryGet"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["screen", "print-single", "print-double", "slide"];

    /// <summary>Finds a preset by name (case-insensitive).</summary>
    public static bool TryGet(string? name, out ChartSize size)
    {
        size = name?.Trim().ToUpperInvariant() switch
        {
            "SCREEN" => Screen,
            "PRINT-SINGLE" or "PRINT_SINGLE" or "SINGLE" => PrintSingleColumn,
            "PRINT-DOUBLE" or "PRINT_DOUBLE" or "DOUBLE" => PrintDoubleColumn,
            "SLIDE" or "SLIDE-16-9" => Slide,
            _ => null!,
        };
        return size is not null;
    }

    /// <summary>
    /// The size for a preset and optional overrides. Without a preset, dpi defaults to 96 and the
    /// font grows gently with the physical width. A width without a height keeps the preset's
    /// aspect ratio; a dpi without a size keeps the preset's physical size (more dpi, more pixels). The result is validated.
    /// </summary>
    /// <exception cref="ChartParameterException">A value is unknown or out of bounds; the exception names it.</exception>
    public static ChartSize Resolve(string? preset, int? width, int? height, int? dpi)
    {
        ChartSize basis;
        if (string.IsNullOrWhiteSpace(preset))
        {
            basis = Screen;
        }
        else if (!TryGet(preset, out basis))
        {
            throw new ChartParameterException("preset", $"Unknown preset '{preset}'; use one of {string.Join(", ", Names)}.");
        }

        // A preset is a physical size: another dpi changes the pixels, not the inches.
        var d = dpi ?? basis.Dpi;
        if (d is < ChartSize.MinDpi or > ChartSize.MaxDpi)
        {
            throw new ChartParameterException("dpi", $"dpi must be between {ChartSize.MinDpi} and {ChartSize.MaxDpi}; got {d}.");
        }

        var scale = (double)d / basis.Dpi;
        var w = width ?? (height is { } h0 ? (int)Math.Round(h0 * (double)basis.WidthPx / basis.HeightPx) : (int)Math.Round(basis.WidthPx * scale));
        var hgt = height ?? (width is { } w0 ? (int)Math.Round(w0 * (double)basis.HeightPx / basis.WidthPx) : (int)Math.Round(basis.HeightPx * scale));
        var font = string.IsNullOrWhiteSpace(preset) && (width is not null || height is not null || dpi is not null)
            ? Math.Round(Math.Clamp(6 + (0.35 * w / d), 7, 14), 1)
            : basis.FontPt;
        var size = new ChartSize { WidthPx = w, HeightPx = hgt, Dpi = d, FontPt = font };
        size.Validate();
        return size;
    }
}
