namespace StanceBoard.Dashboard.Labelling.Files;

/// <summary>A label file that cannot be read at all (too large, no usable header); the message says why.</summary>
public sealed class LabelFileException : Exception
{
    public LabelFileException()
    {
    }

    public LabelFileException(string message)
        : base(message)
    {
    }

    public LabelFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
