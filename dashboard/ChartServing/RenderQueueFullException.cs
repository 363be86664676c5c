namespace StanceBoard.Dashboard.ChartServing;

/// <summary>Every render slot is busy and the queue is full: the request is answered 503 with Retry-After.</summary>
internal sealed class RenderQueueFullException(TimeSpan retryAfter)
    : Exception($"Too many charts are being drawn; try again in {retryAfter.TotalSeconds:0} s.")
{
    /// <summary>When the client should try again.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
