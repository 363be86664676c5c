namespace StanceBoard.Analysis.Model;

/// <summary>A model file is not a StanceBoard model, is of an unsupported format version, is truncated or is corrupt.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
