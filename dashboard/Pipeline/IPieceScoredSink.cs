namespace StanceBoard.Dashboard.Pipeline;

/// <summary>Told about every newly stored and scored piece (the hub, chart refresh, …).</summary>
public interface IPieceScoredSink
{
    Task OnPieceScoredAsync(PieceDto piece, CancellationToken cancellationToken);
}
