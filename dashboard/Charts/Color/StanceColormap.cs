namespace StanceBoard.Dashboard.Charts.Color;

/// <summary>The diverging stance scale as a ScottPlot colormap over [−1, 1] (position 0 = −1, 1 = +1).</summary>
internal sealed class StanceColormap(bool greyscale) : ScottPlot.IColormap
{
    public string Name => greyscale ? "Stance (grey)" : "Stance";

    public ScottPlot.Color GetColor(double position) => ChartTheme.Scott(StancePalette.Map((position * 2) - 1, greyscale));
}
