namespace StanceBoard.Dashboard.Storage.Unavailable;

/// <summary>Accounts, labels and training runs were asked of a store that does not keep them yet (PostgreSQL); the message says so.</summary>
public sealed class LabellingStoreUnavailableException : Exception
{
    public const string Explanation =
        "Local accounts, labels and training runs are kept in the SQLite store only so far; this dashboard runs on PostgreSQL (Storage:Provider). API keys keep working for everything else.";

    public LabellingStoreUnavailableException()
        : base(Explanation)
    {
    }

    public LabellingStoreUnavailableException(string message)
        : base(message)
    {
    }

    public LabellingStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
