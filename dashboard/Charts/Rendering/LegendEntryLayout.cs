using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Charts.Rendering;

/// <summary>A legend entry placed at (<see cref="X"/>, <see cref="MiddleY"/>).</summary>
internal sealed record LegendEntryLayout(LegendItem Item, double X, double MiddleY, double KeyWidth);
