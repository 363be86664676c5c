using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Builders;

/// <summary>Turns filtered observations into the spec of one named chart.</summary>
internal interface IChartBuilder
{
    string Name { get; }

    ChartSpec Build(ChartInputs inputs);
}
