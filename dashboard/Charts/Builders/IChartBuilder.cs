using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Charts.Builders;

/// <summary>Turns filtered observations into the figure of one named chart (its ScottPlot body, texts and data).</summary>
internal interface IChartBuilder
{
    string Name { get; }

    ChartFigure Build(ChartInputs inputs);
}
