using StanceBoard.Benchmarks.OldEngine.Svg;

namespace StanceBoard.Benchmarks.OldEngine.Rendering;

/// <summary>A laid-out line of text: where its baseline starts and how it is set.</summary>
internal sealed record TextLine(double X, double Baseline, string Text, TextStyle Style);
