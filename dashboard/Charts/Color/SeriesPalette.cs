namespace StanceBoard.Dashboard.Charts.Color;

/// <summary>
/// Styles for categorical series: the Okabe–Ito colour-blind-safe palette, each colour paired
/// with its own dash pattern and marker so the series stay apart in greyscale.
/// </summary>
internal static class SeriesPalette
{
    private static readonly string[] Colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];
    private static readonly string[] Dashes = [string.Empty, "6 3", "1.5 2.5", "8 3 2 3", "4 4", "10 3", "2 5"];

    public static SeriesStyle Get(int index, bool greyscale)
    {
        var i = ((index % Colours.Length) + Colours.Length) % Colours.Length;
        var colour = Rgb.Parse(Colours[i]);
        return new SeriesStyle(greyscale ? colour.ToGrey() : colour, Dashes[i], (MarkerShape)(i % 4));
    }
}
