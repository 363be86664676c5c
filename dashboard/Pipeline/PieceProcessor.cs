using System.Diagnostics;
using StanceBoard.Dashboard.Storage;
using StanceBoard.Dashboard.Telemetry;
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
            StanceBoardTelemetry.PiecesDeduplicated.Add(1, new KeyValuePair<string, object?>("kind", "exact"));
            logger.LogInformation("Piece {Origin} is already stored as {PieceId}", piece.Origin ?? piece.Title, existingId);
            return new ProcessResult(await LoadAsync(existingId, cancellationToken), false);
        }

        IReadOnlyList<Analysis.Scoring.TargetScore> scores;
        using (StanceBoardTelemetry.Activities.StartActivity("score"))
        {
            var started = Stopwatch.GetTimestamp();
            scores = scorers.Current.Score(piece.Text);
            StanceBoardTelemetry.ScoringDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        AddPieceResult result;
        using (var storing = StanceBoardTelemetry.Activities.StartActivity("store"))
        {
            result = await store.AddScoredPieceAsync(piece, scores, isDemo, cancellationToken);
            storing?.SetTag("stanceboard.piece.id", result.Id);
        }

        var dto = await LoadAsync(result.Id, cancellationToken);
        if (!result.IsNew)
        {
            // Another writer stored the same piece between the lookup and the insert: the unique keys kept one.
            StanceBoardTelemetry.PiecesDeduplicated.Add(1, new KeyValuePair<string, object?>("kind", "exact"));
            return new ProcessResult(dto, false);
        }

        StanceBoardTelemetry.PiecesIngested.Add(1, new KeyValuePair<string, object?>("origin", isDemo ? "demo" : OriginKind(piece.Origin)));

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

    private static string OriginKind(string? origin) =>
        origin is null ? "api" : origin.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? "web" : "file";

    private async Task<PieceDto> LoadAsync(long id, CancellationToken cancellationToken) =>
        PieceDto.From(await store.GetPieceAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Piece {id} vanished from the store."));
}
