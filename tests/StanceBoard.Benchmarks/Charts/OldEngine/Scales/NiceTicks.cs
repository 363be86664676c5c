namespace StanceBoard.Benchmarks.OldEngine.Scales;

/// <summary>
/// "Nice" tick values (Heckbert, Graphics Gems 1990, with 2.5 allowed): steps of 1, 2, 2.5 or 5
/// times a power of ten, extending the domain outward to whole steps.
/// </summary>
internal static class NiceTicks
{
    private static readonly double[] Mantissas = [1, 2, 2.5, 5, 10];

    /// <summary>The nice step and the ticks covering [<paramref name="min"/>, <paramref name="max"/>] with at most <paramref name="maxTicks"/> ticks.</summary>
    public static (double Step, IReadOnlyList<double> Values) Compute(double min, double max, int maxTicks)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), "Axis bounds must be finite.");
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max == min)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        maxTicks = Math.Max(2, maxTicks);
        var step = Step((max - min) / (maxTicks - 1));
        while (Count(min, max, step) > maxTicks)
        {
            step = Step(step * 1.01);
        }

        var firstIndex = Math.Floor((min / step) + 1e-9);
        var count = Count(min, max, step);
        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var values = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var v = (firstIndex + i) * step;
            values.Add(firstIndex + i == 0 ? 0 : Math.Round(v, decimals));
        }

        return (step, values);
    }

    private static int Count(double min, double max, double step) =>
        (int)Math.Round((Math.Ceiling((max / step) - 1e-9) - Math.Floor((min / step) + 1e-9)) + 1);

    /// <summary>The smallest nice step ≥ <paramref name="rough"/>.</summary>
    private static double Step(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var power = Math.Pow(10, exponent);
        var fraction = rough / power;
        foreach (var m in Mantissas)
        {
            if (fraction <= m + 1e-9)
            {
                return m * power;
            }
        }

        return 10 * power;
    }
}
