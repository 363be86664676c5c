using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>One chart ready to draw: header texts and legend, the body (ScottPlot), the footer's provenance, and the data behind it.</summary>
internal sealed record ChartFigure
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    public required string Caption { get; init; }

    public required string SourceNote { get; init; }

    /// <summary>The date range as shown ("1 Sep – 30 Nov 2020").</summary>
    public required string DateRange { get; init; }

    /// <summary>Distinct pieces behind the chart.</summary>
    public required int Pieces { get; init; }

    public required IReadOnlyList<string> ModelVersions { get; init; }

    public required ChartSize Size { get; init; }

    public bool Greyscale { get; init; }

    public IReadOnlyList<LegendEntry> Legend { get; init; } = [];

    /// <summary>The plot(s); <see langword="null"/> when <see cref="EmptyMessage"/> says why there is nothing to draw.</summary>
    public IChartBody? Body { get; init; }

    /// <summary>Shown in place of the plot when there is nothing to draw.</summary>
    public string? EmptyMessage { get; init; }

    public required ChartData Data { get; init; }
}
