using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion;

namespace StanceBoard.Dashboard.Pipeline;

/// <summary>
/// The one path every piece takes, whatever its source: dedupe → score → store (piece and
/// scores in one transaction) → tell the sinks. A piece is either stored with its scores or
/// not at all, so a crash mid-way loses nothing that a retry would not redo.
/// </summary>
public sealed class PieceProcessor(
    IStanceStore store,
    ScorerProvider scorers,
    IEnumerable<IPieceScoredSink> sinks,
    AnnouncedPieces announced,
    ILogger<PieceProcessor> logger)
{
    private readonly IPieceScoredSink[] _sinks = sinks.ToArray();

    /// <summary>Processes one piece; returns the stored piece and whether it was new.</summary>
    public async Task<ProcessResult> ProcessAsync(Piece piece, bool isDemo = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(piece);
        if (await store.FindDuplicateAsync(piece, cancellationToken) is { } existingId)
        {
            logger.LogInformation("Piece {Origin} is already stored as {PieceId}", piece.Origin ?? piece.Title, existingId);
            return new ProcessResult(await LoadAsync(existingId, cancellationToken), false);
        }

        var scores = scorers.Current.Score(piece.Text);
        var result = await store.AddScoredPieceAsync(piece, scores, isDemo, cancellationToken);
        var dto = await LoadAsync(result.Id, cancellationToken);
        if (!result.IsNew)
        {
            return new ProcessResult(dto, false);
        }

        logger.LogInformation("Stored piece {PieceId} from {Origin} with {TargetCount} target(s)", result.Id, piece.Origin ?? "api", scores.Count);
        if (_sinks.Length > 0)
        {
            announced.Add(result.Id);
        }

        foreach (var sink in _sinks)
        {
            try
            {
                await sink.OnPieceScoredAsync(dto, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The piece is stored; a failed notification must not undo or fail the ingest.
                logger.LogWarning(ex, "Notifying {Sink} about piece {PieceId} failed", sink.GetType().Name, result.Id);
            }
        }

        return new ProcessResult(dto, true);
    }

    private async Task<PieceDto> LoadAsync(long id, CancellationToken cancellationToken) =>
        PieceDto.From(await store.GetPieceAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Piece {id} vanished from the store."));
}
