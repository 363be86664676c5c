namespace StanceBoard.Benchmarks.OldEngine.Spec;

/// <summary>
/// The output size of a chart: pixels, resolution and base font size. The SVG is laid out at
/// the physical size (<see cref="WidthPx"/> / <see cref="Dpi"/> inches, in CSS px of 1/96 in), so
/// text keeps its point size whatever the resolution; PNG and PDF scale that same SVG.
/// </summary>
internal sealed record ChartSize
{
    /// <summary>The largest width or height accepted, in pixels.</summary>
    public const int MaxSidePx = 8000;

    /// <summary>The largest pixel count accepted (40 megapixels).</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The smallest width or height accepted, in pixels.</summary>
    public const int MinSidePx = 100;

    /// <summary>The lowest resolution accepted.</summary>
    public const int MinDpi = 50;

    /// <summary>The highest resolution accepted.</summary>
    public const int MaxDpi = 1200;

    /// <summary>Width in pixels.</summary>
    public required int WidthPx { get; init; }

    /// <summary>Height in pixels.</summary>
    public required int HeightPx { get; init; }

    /// <summary>Resolution in dots per inch (written into the PNG; sets the PDF's physical size).</summary>
    public required int Dpi { get; init; }

    /// <summary>The base font size in points; titles and labels scale from it.</summary>
    public required double FontPt { get; init; }

    /// <summary>The width of the SVG canvas in CSS px (1/96 in).</summary>
    public double LayoutWidth => WidthPx * 96.0 / Dpi;

    /// <summary>The height of the SVG canvas in CSS px (1/96 in).</summary>
    public double LayoutHeight => HeightPx * 96.0 / Dpi;

    /// <summary>The base font size in CSS px.</summary>
    public double FontPx => FontPt * 96.0 / 72.0;

    /// <summary>Physical width in inches.</summary>
    public double WidthInches => (double)WidthPx / Dpi;

    /// <summary>Physical height in inches.</summary>
    public double HeightInches => (double)HeightPx / Dpi;

    /// <summary>Throws <see cref="ChartParameterException"/> naming the parameter that is out of bounds.</summary>
    public void Validate()
    {
        CheckSide("width", WidthPx);
        CheckSide("height", HeightPx);
        if ((long)WidthPx * HeightPx > MaxPixels)
        {
            throw new ChartParameterException("width", $"width × height must be at most {MaxPixels:N0} pixels; got {WidthPx} × {HeightPx}.");
        }

        if (Dpi is < MinDpi or > MaxDpi)
        {
            throw new ChartParameterException("dpi", $"dpi must be between {MinDpi} and {MaxDpi}; got {Dpi}.");
        }

        if (!(FontPt >= 4 && FontPt <= 48))
        {
            throw new ChartParameterException("fontSize", $"The font size must be between 4 and 48 pt; got {FontPt}.");
        }

        var fontPx = FontPt * Dpi / 72.0;
        if (fontPx * 12 > Math.Min(WidthPx, HeightPx))
        {
            throw new ChartParameterException(
                WidthPx < HeightPx ? "width" : "height",
                $"{WidthPx} × {HeightPx} px at {Dpi} dpi is too small for {FontPt} pt text; use more pixels or a lower dpi.");
        }
    }

    private static void CheckSide(string name, int value)
    {
        if (value is < MinSidePx or > MaxSidePx)
        {
            throw new ChartParameterException(name, $"{name} must be between {MinSidePx} and {MaxSidePx} pixels; got {value}.");
        }
    }
}
