namespace StanceBoard.Benchmarks.OldEngine.Plottables;

/// <summary>One row of a stacked count bar: against, none and favor counts.</summary>
internal readonly record struct StackedBar(int Row, int Against, int None, int Favor)
{
    public int Total => Against + None + Favor;
}
