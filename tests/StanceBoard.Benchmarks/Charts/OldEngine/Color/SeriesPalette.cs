namespace StanceBoard.Benchmarks.OldEngine.Color;

/// <summary>
/// Styles for categorical series: the Okabe–Ito colour-blind-safe palette, each colour paired
/// with its own dash pattern and marker so the series stay apart in greyscale. In greyscale mode
/// the series get clearly different grey levels (Okabe–Ito vermillion and green have nearly the
/// same luminance, so plain desaturation would merge them).
/// </summary>
internal static class SeriesPalette
{
    private static readonly string[] Colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];
    private static readonly string[] Greys = ["#1f1f1f", "#767676", "#a3a3a3", "#4a4a4a", "#8c8c8c", "#bcbcbc", "#000000"];
    private static readonly string[] Dashes = [string.Empty, "6 3", "2 2", "8 3 2 3", "4 4", "10 3", "2 5"];

    public static SeriesStyle Get(int index, bool greyscale)
    {
        var i = ((index % Colours.Length) + Colours.Length) % Colours.Length;
        return new SeriesStyle(Rgb.Parse(greyscale ? Greys[i] : Colours[i]), Dashes[i], (MarkerShape)(i % 4));
    }
}
