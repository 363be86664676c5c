namespace StanceBoard.Dashboard.Charts.Export;

/// <summary>PNG or PDF export failed: SkiaSharp could not make the image or document (for example out of memory). The message says what failed.</summary>
public sealed class ChartExportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChartExportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ChartExportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
