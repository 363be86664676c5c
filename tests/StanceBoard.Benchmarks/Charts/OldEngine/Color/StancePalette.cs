namespace StanceBoard.Benchmarks.OldEngine.Color;

/// <summary>
/// The diverging stance scale: brown/orange for against, near-white for none, blue for favor
/// (ColorBrewer PuOr's orange arm and RdBu's blue arm; orange vs blue is distinguishable in all
/// common colour-vision deficiencies). Both arms darken monotonically towards ±1, so magnitude
/// reads in greyscale too; the sign is always encoded a second time (position, printed sign).
/// With <c>greyscale</c> the scale is a single monotonic ramp, dark = against, light = favor,
/// so the sign survives without colour.
/// </summary>
internal static class StancePalette
{
    private static readonly Rgb[] ColourStops =
    [
        Rgb.Parse("#7f3b08"), Rgb.Parse("#b35806"), Rgb.Parse("#e08214"), Rgb.Parse("#fdb863"),
        Rgb.Parse("#f7f7f7"),
        Rgb.Parse("#92c5de"), Rgb.Parse("#4393c3"), Rgb.Parse("#2166ac"), Rgb.Parse("#053061"),
    ];

    private static readonly Rgb GreyDark = new(0x30, 0x30, 0x30);
    private static readonly Rgb GreyLight = new(0xf2, 0xf2, 0xf2);

    /// <summary>The colour for a score in [−1, 1].</summary>
    public static Rgb Map(double score, bool greyscale)
    {
        var s = Math.Clamp(double.IsFinite(score) ? score : 0, -1, 1);
        if (greyscale)
        {
            return Rgb.Lerp(GreyDark, GreyLight, (s + 1) / 2);
        }

        var position = (s + 1) / 2 * (ColourStops.Length - 1);
        var index = Math.Min((int)position, ColourStops.Length - 2);
        return Rgb.Lerp(ColourStops[index], ColourStops[index + 1], position - index);
    }

    /// <summary>The fill for "none" in count charts: a mid grey that differs from both arms.</summary>
    public static Rgb Neutral(bool greyscale) => greyscale ? new Rgb(0xa8, 0xa8, 0xa8) : new Rgb(0xbd, 0xbd, 0xbd);
}
