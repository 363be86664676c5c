using System.Globalization;

namespace StanceBoard.Dashboard.Charts.Text;

/// <summary>Culture-invariant number labels with a true minus sign (U+2212) and thousands separators.</summary>
internal static class NumberFormat
{
    public const char Minus = '\u2212';

    public static string Format(double value, int decimals, bool signed = false)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // no "−0"
        }

        var text = Math.Abs(rounded).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded < 0 ? Minus + text : signed && rounded > 0 ? "+" + text : text;
    }

    /// <summary>The number of decimals that tells ticks <paramref name="step"/> apart.</summary>
    public static int DecimalsFor(double step)
    {
        if (step <= 0 || !double.IsFinite(step))
        {
            return 0;
        }

        for (var decimals = 0; decimals < 10; decimals++)
        {
            var scaled = step * Math.Pow(10, decimals);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * Math.Max(1, scaled))
            {
                return decimals;
            }
        }

        return 10;
    }
}
