using System.Text;

namespace StanceBoard.Benchmarks.OldEngine.Svg;

/// <summary>Writes numbers for SVG: invariant, at most two decimals, no exponent, no "-0".</summary>
internal static class SvgNumber
{
    public static void Append(StringBuilder sb, double value)
    {
        if (!double.IsFinite(value))
        {
            sb.Append('0');
            return;
        }

        var hundredths = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
        if (hundredths < 0)
        {
            sb.Append('-');
            hundredths = -hundredths;
        }

        sb.Append(hundredths / 100);
        var fraction = (int)(hundredths % 100);
        if (fraction == 0)
        {
            return;
        }

        sb.Append('.').Append((char)('0' + (fraction / 10)));
        if (fraction % 10 != 0)
        {
            sb.Append((char)('0' + (fraction % 10)));
        }
    }

    public static string Format(double value)
    {
        var sb = new StringBuilder(12);
        Append(sb, value);
        return sb.ToString();
    }
}
