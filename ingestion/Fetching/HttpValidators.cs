namespace StanceBoard.Ingestion.Fetching;

/// <summary>The cache validators of a fetched URL, sent back as a conditional GET on the next fetch.</summary>
/// <param name="ETag">The entity tag (with its quotes and any W/ prefix), when the server sent one.</param>
/// <param name="LastModified">The Last-Modified time, when the server sent one.</param>
public sealed record HttpValidators(string? ETag, DateTimeOffset? LastModified)
{
    /// <summary>Whether there is anything to send.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(ETag) && LastModified is null;
}
