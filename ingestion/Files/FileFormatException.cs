namespace StanceBoard.Ingestion.Files;

/// <summary>A file that cannot be read as a piece; the message says why in words a user understands.</summary>
public sealed class FileFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FileFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FileFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public FileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
