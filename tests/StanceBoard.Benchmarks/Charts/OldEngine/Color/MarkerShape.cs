namespace StanceBoard.Benchmarks.OldEngine.Color;

/// <summary>The marker drawn at each point of a short series.</summary>
internal enum MarkerShape
{
    Circle,
    Square,
    Triangle,
    Diamond,
}
