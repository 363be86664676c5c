using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Charts.Builders;

/// <summary>Turns filtered observations into the spec of one named chart.</summary>
internal interface IChartBuilder
{
    string Name { get; }

    ChartSpec Build(ChartInputs inputs);
}
