using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine.Rendering;

/// <summary>A legend entry placed at (<see cref="X"/>, <see cref="MiddleY"/>).</summary>
internal sealed record LegendEntryLayout(LegendItem Item, double X, double MiddleY, double KeyWidth);
