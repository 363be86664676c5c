using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>
/// Labels in the SQLite store. Saves run in one immediate transaction each, so two annotators
/// saving at once are serialised: both labels are kept, and a write that checks its base sees the
/// other's version and reports a conflict instead of overwriting it.
/// </summary>
internal sealed partial class SqliteLabelStore(IOptions<StorageOptions> options, TimeProvider time) : ILabelStore
{
    private const int ImportChunk = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _connectionString = SqliteConnections.ConnectionString(options.Value);

    public async Task<LabelSaveResult> SaveAsync(LabelSaveRequest request, LabelShares shares, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shares);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
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
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in requests.Chunk(ImportChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
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
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO label_skips (piece_id, annotator, skipped_utc) VALUES (@pieceId, @annotator, @now)
            ON CONFLICT(piece_id, annotator) DO UPDATE SET skipped_utc = excluded.skipped_utc
            """,
            new { pieceId, annotator, now = UtcText.ToText(time.GetUtcNow()) });
    }

    private async Task<LabelSaveResult> SaveOneAsync(SqliteConnection connection, SqliteTransaction transaction, LabelSaveRequest request, LabelShares shares)
    {
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
                await connection.ExecuteAsync("UPDATE labels SET is_current = 0 WHERE id = @Id", new { current.Id }, transaction);
            }

            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO labels (unit_id, target, stance, annotator, origin, blind, evidence_json, note, created_utc, replaces, is_current)
                VALUES (@unitId, @Target, @Stance, @Annotator, @Origin, @Blind, @Evidence, @Note, @Created, @Replaces, 1)
                RETURNING id
                """,
                new
                {
                    unitId,
                    write.Target,
                    Stance = StanceText.ToText(write.Stance),
                    request.Annotator,
                    request.Origin,
                    Blind = request.Blind ? 1 : 0,
                    Evidence = JsonSerializer.Serialize(write.Evidence, Json),
                    write.Note,
                    Created = UtcText.ToText(write.CreatedUtc ?? now),
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
    private async Task<long> ResolveUnitAsync(SqliteConnection connection, SqliteTransaction transaction, LabelSubject subject, LabelShares shares)
    {
        var pieceId = subject.PieceId ?? await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM pieces WHERE content_hash = @TextHash AND duplicate_of IS NULL AND is_demo = 0",
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
                "INSERT OR IGNORE INTO label_pieces (piece_id, slice_key, double_key) VALUES (@pieceId, abs(random() % 1000000), abs(random() % 1000000))",
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
            new { pieceId, subject.TextHash, subject.Text, subject.Title, subject.Authors, subject.Outlet, subject.Published, split, now = UtcText.ToText(time.GetUtcNow()) },
            transaction);
    }

    /// <summary>After a save: how many annotators have labelled the unit's piece, and whether it leaves the queue.</summary>
    private static async Task UpdateCompletionAsync(SqliteConnection connection, SqliteTransaction transaction, long unitId, LabelShares shares)
    {
        var pieceId = await connection.ExecuteScalarAsync<long?>("SELECT piece_id FROM label_units WHERE id = @unitId", new { unitId }, transaction);
        if (pieceId is null)
        {
            return;
        }

        var annotators = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(DISTINCT annotator) FROM labels WHERE unit_id = @unitId AND is_current = 1 AND origin <> 'adjudication'",
            new { unitId },
            transaction);
        await connection.ExecuteAsync(
            """
            UPDATE label_pieces SET annotators = @annotators,
                complete = CASE WHEN complete = 1 OR @annotators >= (CASE WHEN double_key < @DoubleCut THEN 2 ELSE 1 END) THEN 1 ELSE 0 END
            WHERE piece_id = @pieceId;
            DELETE FROM label_queue WHERE piece_id = @pieceId AND EXISTS (SELECT 1 FROM label_pieces WHERE piece_id = @pieceId AND complete = 1);
            """,
            new { annotators, shares.DoubleCut, pieceId },
            transaction);
    }

    private static async Task<StoredLabel?> CurrentAsync(SqliteConnection connection, SqliteTransaction transaction, long unitId, string target, string annotator)
    {
        var row = await connection.QuerySingleOrDefaultAsync<LabelDbRow>(
            $"SELECT {LabelColumns} FROM labels l JOIN label_units u ON u.id = l.unit_id WHERE l.unit_id = @unitId AND l.target = @target AND l.annotator = @annotator AND l.is_current = 1",
            new { unitId, target, annotator },
            transaction);
        return row?.ToLabel();
    }

    private static async Task<StoredLabel?> LabelByIdAsync(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<LabelDbRow>(
            $"SELECT {LabelColumns} FROM labels l JOIN label_units u ON u.id = l.unit_id WHERE l.id = @id",
            new { id },
            transaction);
        return row?.ToLabel();
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => SqliteConnections.OpenAsync(_connectionString, cancellationToken);
}
