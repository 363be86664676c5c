using Dapper;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// The queries behind the label queue. <c>label_queue</c> holds one row per open piece and target
/// with the model's margin, kept current by triggers on <c>scores</c> (a re-scoring moves pieces)
/// and by saves (a piece with enough annotators leaves it), so the smallest margins are an index
/// walk that never passes over finished pieces.
/// </summary>
internal sealed partial class PostgresLabelStore
{
    private const string NotMine = """
        NOT EXISTS (SELECT 1 FROM label_skips k WHERE k.piece_id = q.piece_id AND lower(k.annotator) = lower(@annotator))
        AND NOT EXISTS (SELECT 1 FROM label_units lu JOIN labels l ON l.unit_id = lu.id
                        WHERE lu.piece_id = q.piece_id AND lower(l.annotator) = lower(@annotator) AND l.is_current)
        """;

    public async Task<IReadOnlyList<QueueCandidate>> ListUncertainAsync(string target, string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shares);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long PieceId, double Margin)>(
            new CommandDefinition(
                $"""
                SELECT q.piece_id, q.margin FROM label_queue q
                WHERE q.target_id = (SELECT id FROM targets WHERE lower(name) = lower(@target)) AND q.slice_key >= @EvaluationCut AND {NotMine}
                ORDER BY q.margin, q.piece_id
                LIMIT @limit
                """,
                new { target, annotator, shares.EvaluationCut, limit },
                cancellationToken: cancellationToken));
        return rows.Select(r => new QueueCandidate(r.PieceId, target, r.Margin)).ToArray();
    }

    public async Task<IReadOnlyList<long>> ListEvaluationAsync(string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shares);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(
            new CommandDefinition(
                $"""
                SELECT q.piece_id FROM label_queue q
                WHERE q.slice_key < @EvaluationCut AND {NotMine}
                GROUP BY q.piece_id, q.slice_key
                ORDER BY q.slice_key, q.piece_id
                LIMIT @limit
                """,
                new { annotator, shares.EvaluationCut, limit },
                cancellationToken: cancellationToken));
        return rows.ToArray();
    }

    public async Task<IReadOnlyList<long>> ListAwaitingSecondAsync(string annotator, LabelShares shares, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shares);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(
            new CommandDefinition(
                $"""
                SELECT q.piece_id FROM label_pieces q
                WHERE NOT q.complete AND q.annotators > 0 AND q.double_key < @DoubleCut AND {NotMine}
                ORDER BY q.piece_id
                LIMIT @limit
                """,
                new { annotator, shares.DoubleCut, limit },
                cancellationToken: cancellationToken));
        return rows.ToArray();
    }

    public async Task<IReadOnlyList<long>> ListRecentAsync(string annotator, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(
            new CommandDefinition(
                """
                SELECT piece_id FROM (
                    (SELECT u.piece_id AS piece_id, l.id AS at FROM labels l JOIN label_units u ON u.id = l.unit_id
                     WHERE lower(l.annotator) = lower(@annotator) AND u.piece_id IS NOT NULL
                     ORDER BY l.id DESC LIMIT @scan)
                    UNION ALL
                    (SELECT piece_id, -1 AS at FROM label_skips WHERE lower(annotator) = lower(@annotator)
                     ORDER BY skipped_utc DESC LIMIT @count)) recent
                GROUP BY piece_id ORDER BY MAX(at) DESC LIMIT @count
                """,
                new { annotator, count, scan = count * 4 },
                cancellationToken: cancellationToken));
        return rows.ToArray();
    }

    public async Task<long> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM label_pieces lp WHERE NOT lp.complete AND EXISTS (SELECT 1 FROM label_queue q WHERE q.piece_id = lp.piece_id)",
            cancellationToken: cancellationToken));
    }

    public async Task<(int Pieces, int Holdout)> CountMineAsync(string annotator, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (pieces, holdout) = await connection.QuerySingleAsync<(long, long)>(
            new CommandDefinition(
                """
                SELECT COUNT(*), COUNT(*) FILTER (WHERE split = 'holdout') FROM label_units
                WHERE id IN (SELECT unit_id FROM labels WHERE lower(annotator) = lower(@annotator) AND is_current AND origin IN ('queue', 'piece'))
                """,
                new { annotator },
                cancellationToken: cancellationToken));
        return ((int)pieces, (int)holdout);
    }

    public async Task<IReadOnlyDictionary<long, PieceFacets>> GetFacetsAsync(IReadOnlyCollection<long> pieceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pieceIds);
        if (pieceIds.Count == 0)
        {
            return new Dictionary<long, PieceFacets>();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = pieceIds.Distinct().ToArray();
        var outlets = (await connection.QueryAsync<(long Id, string? Outlet)>(
            "SELECT p.id, o.name FROM pieces p LEFT JOIN outlets o ON o.id = p.outlet_id WHERE p.id = ANY(@ids)", new { ids })).ToDictionary(r => r.Id, r => r.Outlet);
        var authors = (await connection.QueryAsync<(long Id, string Name)>(
            "SELECT pa.piece_id, a.name FROM piece_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.piece_id = ANY(@ids) ORDER BY pa.piece_id, pa.position", new { ids }))
            .ToLookup(r => r.Id, r => r.Name);
        return outlets.ToDictionary(p => p.Key, p => new PieceFacets(p.Key, p.Value, authors[p.Key].ToArray()));
    }
}
