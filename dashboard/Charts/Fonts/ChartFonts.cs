using System.Reflection;
using SkiaSharp;

namespace StanceBoard.Dashboard.Charts.Fonts;

/// <summary>
/// The one chart font, DejaVu Sans (regular, bold, oblique, bold oblique), loaded from this
/// assembly's resources (restored from the npm package <c>dejavu-fonts-ttf</c> at build time), so a
/// chart is laid out and drawn the same on every machine whatever fonts it has installed.
/// ScottPlot resolves the family name through <see cref="ScottPlot.Fonts.FontResolvers"/>.
/// </summary>
internal static class ChartFonts
{
    /// <summary>The family name written into SVG and asked of ScottPlot.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface[]> Faces = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The typeface for a weight and slant.</summary>
    public static SKTypeface Get(bool bold, bool italic) => Faces.Value[(bold ? 1 : 0) + (italic ? 2 : 0)];

    /// <summary>Loads the faces and registers them with ScottPlot (once per process).</summary>
    public static void EnsureLoaded() => _ = Faces.Value;

    private static SKTypeface[] Load()
    {
        SKTypeface[] faces =
        [
            Read("DejaVuSans.ttf"),
            Read("DejaVuSans-Bold.ttf"),
            Read("DejaVuSans-Oblique.ttf"),
            Read("DejaVuSans-BoldOblique.ttf"),
        ];
        ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver(faces));
        ScottPlot.Fonts.Default = Family;
        return faces;
    }

    private static SKTypeface Read(string file)
    {
        var name = "StanceBoard.Charts.Fonts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The chart font {file} is not embedded in StanceBoard.Charts; rebuild it (npm restores dejavu-fonts-ttf).");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The chart font {file} could not be read.");
    }

    private sealed class Resolver(SKTypeface[] faces) : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? faces[(bold ? 1 : 0) + (italic ? 2 : 0)] : null;

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            CreateTypeface(fontName, (int)weight >= (int)ScottPlot.FontWeight.SemiBold, slant != ScottPlot.FontSlant.Upright);
    }
}
