using SkiaSharp;

namespace StanceBoard.Dashboard.Charts.Color;

/// <summary>
/// Font sizes, line widths and neutral colours, all derived from one base font size in layout
/// units (CSS px, 1/96 in: the figure is laid out at its physical size and scaled for PNG).
/// </summary>
internal sealed record ChartTheme(double BaseSize, double WidthInches, bool Greyscale)
{
    public static readonly Rgb Text = new(0x1a, 0x1a, 0x1a);
    public static readonly Rgb SecondaryText = new(0x5a, 0x5a, 0x5a);
    public static readonly Rgb Grid = new(0xe4, 0xe4, 0xe4);
    public static readonly Rgb Axis = new(0x8a, 0x8a, 0x8a);
    public static readonly Rgb ZeroLine = new(0x6e, 0x6e, 0x6e);
    public static readonly Rgb Background = new(0xff, 0xff, 0xff);
    public static readonly Rgb EmptyCell = new(0xf0, 0xf0, 0xf0);
    public static readonly Rgb HatchStroke = new(0x4d, 0x4d, 0x4d);

    /// <summary>Whether the figure is narrow (a print column): headings shrink towards body size.</summary>
    public bool Narrow => WidthInches < 5;

    public float TitleSize => (float)(BaseSize * (Narrow ? 1.2 : 1.45));

    public float SubtitleSize => (float)(BaseSize * (Narrow ? 0.95 : 1.05));

    public float TickSize => (float)(BaseSize * 0.9);

    public float LegendSize => (float)(BaseSize * 0.9);

    public float CaptionSize => (float)(BaseSize * 0.85);

    public float MetaSize => (float)(BaseSize * 0.8);

    public float CellSize => (float)(BaseSize * 0.85);

    public float LineHeight => 1.25f;

    public float Padding => (float)Math.Max(6, BaseSize * (Narrow ? 0.9 : 1.3));

    public float Gap => (float)(BaseSize * 0.7);

    public float HairLine => (float)Math.Max(0.5, BaseSize * 0.06);

    public float DataLine => (float)Math.Max(1, BaseSize * 0.16);

    public static SKColor Sk(Rgb c, double alpha = 1) => new(c.R, c.G, c.B, (byte)Math.Round(alpha * 255));

    public static ScottPlot.Color Scott(Rgb c, double alpha = 1) => new(c.R, c.G, c.B, (byte)Math.Round(alpha * 255));
}
