using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Storage.Labels;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>Reading labels back: per piece, per unit, all of them, and counts.</summary>
internal sealed partial class PostgresLabelStore
{
    private const string LabelColumns = """
        l.id AS Id, l.unit_id AS UnitId, u.piece_id AS PieceId, l.target AS Target, l.stance AS Stance, l.annotator AS Annotator,
        l.origin AS Origin, l.blind AS Blind, l.evidence_json AS EvidenceJson, l.note AS Note, l.created_utc AS CreatedUtc,
        l.replaces AS Replaces, l.is_current AS IsCurrent
        """;

    private const string UnitColumns = "u.text AS Text, u.title AS Title, u.authors AS Authors, u.outlet AS Outlet, u.published AS Published, u.split AS Split";

    public async Task<IReadOnlyList<StoredLabel>> ListForPieceAsync(long pieceId, bool history, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LabelDbRow>(
            $"""
            SELECT {LabelColumns} FROM labels l JOIN label_units u ON u.id = l.unit_id
            WHERE u.piece_id = @pieceId {(history ? string.Empty : "AND l.is_current")}
            ORDER BY l.id
            """,
            new { pieceId });
        return rows.Select(r => r.ToLabel()).ToArray();
    }

    public async Task<IReadOnlyList<LabelRow>?> ListForUnitAsync(long unitId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM label_units WHERE id = @unitId", new { unitId }) is null)
        {
            return null;
        }

        var rows = await connection.QueryAsync<LabelWithUnitDbRow>(
            $"SELECT {LabelColumns}, {UnitColumns} FROM labels l JOIN label_units u ON u.id = l.unit_id WHERE l.unit_id = @unitId AND l.is_current ORDER BY l.id",
            new { unitId });
        return rows.Select(r => r.ToRow()).ToArray();
    }

    public async IAsyncEnumerable<LabelRow> ReadAllAsync(bool history, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<LabelWithUnitDbRow>(
            $"""
            SELECT {LabelColumns}, {UnitColumns} FROM labels l JOIN label_units u ON u.id = l.unit_id
            {(history ? string.Empty : "WHERE l.is_current")}
            ORDER BY l.unit_id, lower(l.target), l.id
            """);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row.ToRow();
        }
    }

    public async Task<LabelCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var totals = await connection.QuerySingleAsync<(long Labels, long Revisions)>(
            "SELECT COUNT(*) FILTER (WHERE is_current), COUNT(*) FILTER (WHERE NOT is_current) FROM labels");
        var units = await connection.QuerySingleAsync<(long Units, long Holdout)>(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE split = 'holdout') FROM label_units WHERE id IN (SELECT unit_id FROM labels)");
        var open = await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT piece_id) FROM label_queue");
        var perTarget = (await connection.QueryAsync<(string Name, long Count)>(
            "SELECT min(target), COUNT(*) FROM labels WHERE is_current GROUP BY lower(target) ORDER BY lower(target)")).ToDictionary(r => r.Name, r => r.Count, StringComparer.OrdinalIgnoreCase);
        var perAnnotator = (await connection.QueryAsync<(string Name, long Count)>(
            "SELECT min(annotator), COUNT(*) FROM labels WHERE is_current GROUP BY lower(annotator) ORDER BY lower(annotator)")).ToDictionary(r => r.Name, r => r.Count, StringComparer.OrdinalIgnoreCase);
        return new LabelCounts(totals.Labels, units.Units, units.Holdout, totals.Revisions, open, perTarget, perAnnotator);
    }

    // Dapper fills these by property name; constructor matching would break on NULL columns.
    private class LabelDbRow
    {
        public long Id { get; init; }
        public long UnitId { get; init; }
        public long? PieceId { get; init; }
        public string Target { get; init; } = "";
        public string Stance { get; init; } = "none";
        public string Annotator { get; init; } = "";
        public string Origin { get; init; } = "";
        public bool Blind { get; init; }
        public string EvidenceJson { get; init; } = "[]";
        public string? Note { get; init; }
        public DateTime CreatedUtc { get; init; }
        public long? Replaces { get; init; }
        public bool IsCurrent { get; init; }

        public StoredLabel ToLabel() => new(
            Id,
            UnitId,
            PieceId,
            Target,
            StanceText.TryParse(Stance, out var stance) ? stance : Analysis.Model.Stance.None,
            Annotator,
            Origin,
            Blind,
            JsonSerializer.Deserialize<int[]>(EvidenceJson, Json) ?? [],
            Note,
            PgTime.FromDb(CreatedUtc),
            Replaces,
            IsCurrent);
    }

    private sealed class LabelWithUnitDbRow : LabelDbRow
    {
        public string Text { get; init; } = "";
        public string? Title { get; init; }
        public string? Authors { get; init; }
        public string? Outlet { get; init; }
        public string? Published { get; init; }
        public string Split { get; init; } = LabelSplits.Train;

        public LabelRow ToRow() => new(ToLabel(), Text, Title, Authors, Outlet, Published, Split);
    }
}
