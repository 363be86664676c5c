namespace StanceBoard.Benchmarks.OldEngine.Svg;

/// <summary>Horizontal alignment of a text run around its x position.</summary>
internal enum TextAnchor
{
    Start,
    Middle,
    End,
}
