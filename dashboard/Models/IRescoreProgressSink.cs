namespace StanceBoard.Dashboard.Models;

/// <summary>Told about re-scoring progress (the hub forwards it to browsers).</summary>
public interface IRescoreProgressSink
{
    Task OnProgressAsync(RescoreProgress progress, CancellationToken cancellationToken);
}
