namespace StanceBoard.Analysis.Data;

/// <summary>Labelled data could not be used at all: too large, unreadable, or no usable row left.</summary>
public sealed class LabelledDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabelledDataException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LabelledDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LabelledDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the problems found on the way.</summary>
    public LabelledDataException(string message, IReadOnlyList<DataProblem> problems)
        : base(message) => Problems = problems;

    /// <summary>The skipped rows, when the failure is that none was left.</summary>
    public IReadOnlyList<DataProblem> Problems { get; } = [];
}
