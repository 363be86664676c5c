using StanceBoard.Benchmarks.OldEngine.Scales;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Rendering;

/// <summary>An axis after layout: its scale to pixels, its ticks and, for category axes, which categories are shown where.</summary>
internal sealed class AxisLayout
{
    private readonly int[] _slots;

    public AxisLayout(AxisSpec spec, LinearScale scale, IReadOnlyList<Tick> ticks, int[]? slots = null, double band = 0)
    {
        Spec = spec;
        Scale = scale;
        Ticks = ticks;
        _slots = slots ?? [];
        Band = band;
    }

    public AxisSpec Spec { get; }

    public LinearScale Scale { get; }

    public IReadOnlyList<Tick> Ticks { get; }

    /// <summary>The band width of a category axis.</summary>
    public double Band { get; }

    public double Map(double value) => Scale.Map(value);

    /// <summary>The centre of a category's band, or NaN when the category is not shown.</summary>
    public double Category(int index) =>
        index >= 0 && index < _slots.Length && _slots[index] >= 0 ? Scale.Map(_slots[index]) : double.NaN;

    /// <summary>The categories shown, by index, in display order.</summary>
    public IEnumerable<int> VisibleCategories()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] >= 0)
            {
                yield return i;
            }
        }
    }
}
