namespace StanceBoard.Benchmarks.OldEngine.Export;

/// <summary>PNG or PDF export failed: a native library or font is missing, or librsvg/cairo reported an error. The message says what to install.</summary>
internal sealed class ChartExportException : Exception
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
