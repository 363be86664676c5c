namespace StanceBoard.Benchmarks.OldEngine.Color;

/// <summary>Font sizes, line widths and neutral colours, all derived from one base font size.</summary>
internal sealed record ChartTheme(double BaseSize, double WidthInches = 10)
{
    /// <summary>Whether the figure is narrow (a print column): headings shrink towards body size.</summary>
    public bool Narrow => WidthInches < 5;

    public string Text => "#1a1a1a";

    public string SecondaryText => "#5a5a5a";

    public string Grid => "#e4e4e4";

    public string Axis => "#8a8a8a";

    public string ZeroLine => "#6e6e6e";

    public string Background => "#ffffff";

    public string EmptyCell => "#f3f3f3";

    public string HatchStroke => "#4d4d4d";

    public double TitleSize => BaseSize * (Narrow ? 1.2 : 1.45);

    public double SubtitleSize => BaseSize * (Narrow ? 0.95 : 1.05);

    public double TickSize => BaseSize * 0.9;

    public double LegendSize => BaseSize * 0.9;

    public double CaptionSize => BaseSize * 0.85;

    public double MetaSize => BaseSize * 0.8;

    public double CellSize => BaseSize * 0.85;

    public double LineHeight => 1.25;

    public double Padding => Math.Max(6, BaseSize * (Narrow ? 0.9 : 1.3));

    public double Gap => BaseSize * 0.7;

    public double HairLine => Math.Max(0.5, BaseSize * 0.06);

    public double DataLine => Math.Max(1, BaseSize * 0.16);
}
