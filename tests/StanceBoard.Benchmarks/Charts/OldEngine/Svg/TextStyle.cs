namespace StanceBoard.Benchmarks.OldEngine.Svg;

/// <summary>How a text run is set.</summary>
internal readonly record struct TextStyle(double Size, string Fill, bool Bold = false, bool Italic = false, TextAnchor Anchor = TextAnchor.Start)
{
    public TextStyle WithAnchor(TextAnchor anchor) => this with { Anchor = anchor };
}
