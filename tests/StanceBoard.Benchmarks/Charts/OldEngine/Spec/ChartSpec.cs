namespace StanceBoard.Benchmarks.OldEngine.Spec;

/// <summary>Everything needed to draw one chart: texts, provenance, size, panels, legend and data.</summary>
internal sealed record ChartSpec
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

    public required IReadOnlyList<PanelSpec> Panels { get; init; }

    public IReadOnlyList<LegendItem> Legend { get; init; } = [];

    /// <summary>Shown in place of the panels when there is nothing to draw.</summary>
    public string? EmptyMessage { get; init; }

    public required ChartData Data { get; init; }
}
