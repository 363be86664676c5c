namespace StanceBoard.Benchmarks.OldEngine.Text;

/// <summary>
/// Measures text set in DejaVu Sans (the chart font) from the advance widths in
/// <see cref="DejaVuSansWidths"/>, so layout does not need the font file. Kerning is ignored,
/// which overestimates widths slightly (DejaVu's kerning pairs only tighten text).
/// </summary>
internal static class FontMetrics
{
    /// <summary>The width of a character the table lacks, as a fraction of the font size.</summary>
    private const double FallbackEm = 0.62;

    private const int FlatLimit = 0x0600;

    private static readonly float[] RegularFlat = Flatten(DejaVuSansWidths.Regular);
    private static readonly float[] BoldFlat = Flatten(DejaVuSansWidths.Bold);
    private static readonly (int First, short[] Widths)[] RegularRanges = DejaVuSansWidths.Regular;
    private static readonly (int First, short[] Widths)[] BoldRanges = DejaVuSansWidths.Bold;

    /// <summary>The distance from the baseline to the top of the font's line box, as a fraction of the size.</summary>
    public static double AscentEm => (double)DejaVuSansWidths.Ascender / DejaVuSansWidths.UnitsPerEm;

    /// <summary>The distance from the baseline to the bottom of the font's line box, as a fraction of the size.</summary>
    public static double DescentEm => -(double)DejaVuSansWidths.Descender / DejaVuSansWidths.UnitsPerEm;

    /// <summary>The offset from a line's vertical middle to its baseline that centres capitals and digits.</summary>
    public static double MiddleToBaselineEm => 0.36;

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> user units.</summary>
    public static double Measure(ReadOnlySpan<char> text, double size, bool bold = false)
    {
        var flat = bold ? BoldFlat : RegularFlat;
        var ranges = bold ? BoldRanges : RegularRanges;
        double em = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                c = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            em += c < FlatLimit ? flat[c] : Lookup(ranges, c);
        }

        return em * size;
    }

    private static double Lookup((int First, short[] Widths)[] ranges, int c)
    {
        foreach (var (first, widths) in ranges)
        {
            if (c >= first && c < first + widths.Length)
            {
                return widths[c - first] >= 0 ? (double)widths[c - first] / DejaVuSansWidths.UnitsPerEm : Fallback(c);
            }
        }

        return Fallback(c);
    }

    private static double Fallback(int c) => IsWide(c) ? 1.0 : FallbackEm;

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60)
            or (>= 0x1F300 and <= 0x1FAFF) or (>= 0x20000 and <= 0x3FFFD);

    private static float[] Flatten((int First, short[] Widths)[] ranges)
    {
        var flat = new float[FlatLimit];
        for (var c = 0; c < FlatLimit; c++)
        {
            flat[c] = c < 0x20 ? 0f : (float)Lookup(ranges, c);
        }

        return flat;
    }
}
