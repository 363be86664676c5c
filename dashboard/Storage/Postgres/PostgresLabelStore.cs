using System.Text.Json;
using Dapper;
using Npgsql;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// Labels on PostgreSQL. A save runs in one transaction holding an advisory lock on its piece's
/// text, so two annotators saving the same piece at once (from any instance) are serialised: both
/// labels are kept, and a write that checks its base sees the other's version and reports a
/// conflict instead of overwriting it. Target and annotator names match ignoring case.
/// </summary>
internal sealed partial class PostgresLabelStore(PostgresDatabase database, TimeProvider time) : ILabelStore
{
    /// <summary>The first key of the two-key advisory locks that serialise saves of one subject (the two-key space never meets the one-key locks).</summary>
    private const int SubjectLockClass = 0x4C41424C; // "LABL"

    private const int ImportChunk = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LabelSaveResult> SaveAsync(LabelSaveRequest request, LabelShares shares, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shares);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await SaveOneAsync(connection, transaction, request, shares);
        if (result.HasConflicts)
        {
            await transaction.RollbackAsync(cancellationToken);
            return result;
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<LabelSaveResult>> SaveManyAsync(IReadOnlyList<LabelSaveRequest> requests, LabelShares shares, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(shares);
        var results = new List<LabelSaveResult>(requests.Count);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in requests.Chunk(ImportChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var request in chunk)
            {
                results.Add(await SaveOneAsync(connection, transaction, request with { Labels = request.Labels.Select(l => l with { CheckBase = false }).ToArray() }, shares));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return results;
    }

    public async Task SkipAsync(long pieceId, string annotator, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO label_skips (piece_id, annotator, skipped_utc) VALUES (@pieceId, @annotator, @now)
            ON CONFLICT (piece_id, lower(annotator)) DO UPDATE SET skipped_utc = excluded.skipped_utc
            """,
            new { pieceId, annotator, now = time.GetUtcNow().UtcDateTime });
    }

    private async Task<LabelSaveResult> SaveOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LabelSaveRequest request, LabelShares shares)
    {
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@SubjectLockClass, hashtext(@TextHash))", new { SubjectLockClass, request.Subject.TextHash }, transaction);
        var unitId = await ResolveUnitAsync(connection, transaction, request.Subject, shares);
        var currents = new Dictionary<string, StoredLabel?>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<LabelConflict>();
        foreach (var write in request.Labels)
        {
            var current = await CurrentAsync(connection, transaction, unitId, write.Target, request.Annotator);
            currents[write.Target] = current;
            if (write.CheckBase && current?.Id != write.BaseId)
            {
                conflicts.Add(new LabelConflict(write.Target, current, write.BaseId));
            }
        }

        if (conflicts.Count > 0)
        {
            return new LabelSaveResult(unitId, [], [], conflicts);
        }

        var saved = new List<StoredLabel>();
        var unchanged = new List<StoredLabel>();
        var now = time.GetUtcNow();
        foreach (var write in request.Labels)
        {
            var current = currents[write.Target];
            if (current is not null && current.Stance == write.Stance && current.Note == write.Note && current.Evidence.SequenceEqual(write.Evidence))
            {
                unchanged.Add(current);
                continue;
            }

            if (current is not null)
            {
                await connection.ExecuteAsync("UPDATE labels SET is_current = false WHERE id = @Id", new { current.Id }, transaction);
            }

            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO labels (unit_id, target, stance, annotator, origin, blind, evidence_json, note, created_utc, replaces, is_current)
                VALUES (@unitId, @Target, @Stance, @Annotator, @Origin, @Blind, @Evidence, @Note, @Created, @Replaces, true)
                RETURNING id
                """,
                new
                {
                    unitId,
                    write.Target,
                    Stance = StanceText.ToText(write.Stance),
                    request.Annotator,
                    request.Origin,
                    request.Blind,
                    Evidence = JsonSerializer.Serialize(write.Evidence, Json),
                    write.Note,
                    Created = (write.CreatedUtc ?? now).UtcDateTime,
                    Replaces = current?.Id,
                },
                transaction);
            saved.Add((await LabelByIdAsync(connection, transaction, id))!);
        }

        if (saved.Count > 0)
        {
            await UpdateCompletionAsync(connection, transaction, unitId, shares);
        }

        return new LabelSaveResult(unitId, saved, unchanged, []);
    }

    /// <summary>Finds or creates the unit of a subject, linking it to its stored piece (by id, or by content hash).</summary>
    private async Task<long> ResolveUnitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LabelSubject subject, LabelShares shares)
    {
        var pieceId = subject.PieceId ?? await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM pieces WHERE content_hash = @TextHash AND duplicate_of IS NULL AND NOT is_demo",
            new { subject.TextHash },
            transaction);
        if (pieceId is { } byPiece && await connection.ExecuteScalarAsync<long?>("SELECT id FROM label_units WHERE piece_id = @byPiece", new { byPiece }, transaction) is { } linked)
        {
            return linked;
        }

        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM label_units WHERE text_hash = @TextHash", new { subject.TextHash }, transaction) is { } byText)
        {
            if (pieceId is not null)
            {
                await connection.ExecuteAsync("UPDATE label_units SET piece_id = @pieceId WHERE id = @byText AND piece_id IS NULL", new { pieceId, byText }, transaction);
            }

            return byText;
        }

        var split = LabelSplits.Train;
        if (pieceId is not null)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO label_pieces (piece_id, slice_key, double_key) VALUES (@pieceId, floor(random() * 1000000)::bigint, floor(random() * 1000000)::bigint)
                ON CONFLICT (piece_id) DO NOTHING
                """,
                new { pieceId },
                transaction);
            var slice = await connection.ExecuteScalarAsync<long>("SELECT slice_key FROM label_pieces WHERE piece_id = @pieceId", new { pieceId }, transaction);
            split = slice < shares.EvaluationCut ? LabelSplits.Holdout : LabelSplits.Train;
        }

        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO label_units (piece_id, text_hash, text, title, authors, outlet, published, split, created_utc)
            VALUES (@pieceId, @TextHash, @Text, @Title, @Authors, @Outlet, @Published, @split, @now)
            RETURNING id
            """,
            new { pieceId, subject.TextHash, subject.Text, subject.Title, subject.Authors, subject.Outlet, subject.Published, split, now = time.GetUtcNow().UtcDateTime },
            transaction);
    }

    /// <summary>After a save: how many annotators have labelled the unit's piece, and whether it leaves the queue.</summary>
    private static async Task UpdateCompletionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long unitId, LabelShares shares)
    {
        var pieceId = await connection.ExecuteScalarAsync<long?>("SELECT piece_id FROM label_units WHERE id = @unitId", new { unitId }, transaction);
        if (pieceId is null)
        {
            return;
        }

        var annotators = (int)await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(DISTINCT lower(annotator)) FROM labels WHERE unit_id = @unitId AND is_current AND origin <> 'adjudication'",
            new { unitId },
            transaction);
        await connection.ExecuteAsync(
            """
            UPDATE label_pieces SET annotators = @annotators,
                complete = complete OR @annotators >= (CASE WHEN double_key < @DoubleCut THEN 2 ELSE 1 END)
            WHERE piece_id = @pieceId;
            DELETE FROM label_queue WHERE piece_id = @pieceId AND EXISTS (SELECT 1 FROM label_pieces WHERE piece_id = @pieceId AND complete);
            """,
            new { annotators, shares.DoubleCut, pieceId },
            transaction);
    }

    private static async Task<StoredLabel?> CurrentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long unitId, string target, string annotator)
    {
        var row = await connection.QuerySingleOrDefaultAsync<LabelDbRow>(
            $"""
            SELECT {LabelColumns} FROM labels l JOIN label_units u ON u.id = l.unit_id
            WHERE l.unit_id = @unitId AND lower(l.target) = lower(@target) AND lower(l.annotator) = lower(@annotator) AND l.is_current
            """,
            new { unitId, target, annotator },
            transaction);
        return row?.ToLabel();
    }

    private static async Task<StoredLabel?> LabelByIdAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<LabelDbRow>(
            $"SELECT {LabelColumns} FROM labels l JOIN label_units u ON u.id = l.unit_id WHERE l.id = @id",
            new { id },
            transaction);
        return row?.ToLabel();
    }
}
