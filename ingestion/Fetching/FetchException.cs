namespace StanceBoard.Ingestion.Fetching;

/// <summary>A fetch failure with its kind; not retried.</summary>
internal sealed class FetchException(FetchErrorKind kind, string message) : Exception(message)
{
    public FetchErrorKind Kind { get; } = kind;
}
