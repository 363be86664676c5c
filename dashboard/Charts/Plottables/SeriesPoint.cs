namespace StanceBoard.Dashboard.Charts.Plottables;

/// <summary>One point of a series: x (OLE automation date, ScottPlot's date axis unit), estimate, interval, thinness, and whether a gap in the bins precedes it.</summary>
internal readonly record struct SeriesPoint(double X, double Y, double Lower, double Upper, bool Thin, bool BreakBefore = false);
