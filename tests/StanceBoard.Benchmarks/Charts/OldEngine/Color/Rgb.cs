using System.Globalization;

namespace StanceBoard.Benchmarks.OldEngine.Color;

/// <summary>An sRGB colour.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb Parse(string hex) => new(
        byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>WCAG relative luminance in [0, 1].</summary>
    public double Luminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <summary>The grey with the same relative luminance.</summary>
    public Rgb ToGrey()
    {
        var l = Luminance;
        var srgb = l <= 0.0031308 ? 12.92 * l : (1.055 * Math.Pow(l, 1 / 2.4)) - 0.055;
        var v = (byte)Math.Clamp(Math.Round(srgb * 255), 0, 255);
        return new Rgb(v, v, v);
    }

    public static Rgb Lerp(Rgb a, Rgb b, double t) => new(
        (byte)Math.Round(a.R + ((b.R - a.R) * t)),
        (byte)Math.Round(a.G + ((b.G - a.G) * t)),
        (byte)Math.Round(a.B + ((b.B - a.B) * t)));

    /// <summary>Black or white, whichever reads better on this colour.</summary>
    public string ContrastingText => Luminance > 0.33 ? "#1a1a1a" : "#ffffff";

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
