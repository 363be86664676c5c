using SkiaSharp;

namespace StanceBoard.Dashboard.Charts.Figure;

/// <summary>A piece of text as drawn: its role (title, tick, cell…), the string and its box in layout units.</summary>
internal sealed record LaidOutText(string Role, string Text, SKRect Bounds);
