using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// Moves an install from its SQLite file to an empty PostgreSQL database: every table, ids kept,
/// in one transaction (a failed copy leaves the target as it was), with COPY for speed; identity
/// sequences continue after the copied ids. Text timestamps become <c>timestamptz</c>, 0/1 flags
/// booleans.
/// </summary>
internal sealed class StoreCopy(string sqlitePath, PostgresDatabase target)
{
    private enum Col { Bigint, Integer, Smallint, Text, Time, Bool, Double, Bytea }

    // Parents before children; pieces.duplicate_of is filled in a second pass.
    private static readonly (string Table, (string Name, Col Type)[] Columns)[] Tables =
    [
        ("outlets", [("id", Col.Bigint), ("name", Col.Text)]),
        ("authors", [("id", Col.Bigint), ("name", Col.Text)]),
        ("sources", [("id", Col.Bigint), ("name", Col.Text), ("kind", Col.Text), ("url", Col.Text), ("outlet", Col.Text), ("origin", Col.Text),
            ("poll_interval_seconds", Col.Integer), ("enabled", Col.Bool), ("created_utc", Col.Time), ("next_poll_utc", Col.Time),
            ("last_attempt_utc", Col.Time), ("last_success_utc", Col.Time), ("last_error_utc", Col.Time), ("last_error", Col.Text),
            ("last_error_kind", Col.Text), ("consecutive_failures", Col.Integer), ("circuit_state", Col.Text)]),
        ("targets", [("id", Col.Bigint), ("name", Col.Text), ("aliases_json", Col.Text)]),
        ("model_versions", [("id", Col.Bigint), ("version", Col.Text), ("created_utc", Col.Time), ("data_hash", Col.Text), ("metrics_json", Col.Text),
            ("is_active", Col.Bool), ("model", Col.Bytea), ("examples", Col.Integer), ("source", Col.Text)]),
        ("model_promotions", [("id", Col.Bigint), ("model_version_id", Col.Bigint), ("promoted_utc", Col.Time), ("reason", Col.Text)]),
        ("pieces", [("id", Col.Bigint), ("title", Col.Text), ("body", Col.Text), ("url", Col.Text), ("outlet_id", Col.Bigint), ("published_utc", Col.Time),
            ("language", Col.Text), ("content_hash", Col.Text), ("origin", Col.Text), ("source_id", Col.Bigint), ("is_demo", Col.Bool),
            ("ingested_utc", Col.Time), ("simhash", Col.Bigint)]),
        ("piece_authors", [("piece_id", Col.Bigint), ("author_id", Col.Bigint), ("position", Col.Integer)]),
        // Before scores: the triggers on scores fill label_queue from these keys (and keep them).
        ("label_pieces", [("piece_id", Col.Bigint), ("slice_key", Col.Bigint), ("double_key", Col.Bigint), ("annotators", Col.Integer), ("complete", Col.Bool)]),
        ("scores", [("piece_id", Col.Bigint), ("target_id", Col.Bigint), ("mentions", Col.Integer), ("mention_spans_json", Col.Text), ("stance", Col.Text),
            ("score", Col.Double), ("p_favor", Col.Double), ("p_against", Col.Double), ("p_none", Col.Double), ("evidence_json", Col.Text),
            ("model_version", Col.Text), ("scored_utc", Col.Time)]),
        ("users", [("id", Col.Bigint), ("name", Col.Text), ("role", Col.Text), ("password_hash", Col.Text), ("security_stamp", Col.Text), ("disabled", Col.Bool),
            ("failed_attempts", Col.Integer), ("locked_until_utc", Col.Time), ("created_utc", Col.Time), ("password_changed_utc", Col.Time), ("last_sign_in_utc", Col.Time)]),
        ("label_units", [("id", Col.Bigint), ("piece_id", Col.Bigint), ("text_hash", Col.Text), ("text", Col.Text), ("title", Col.Text), ("authors", Col.Text),
            ("outlet", Col.Text), ("published", Col.Text), ("split", Col.Text), ("created_utc", Col.Time)]),
        ("labels", [("id", Col.Bigint), ("unit_id", Col.Bigint), ("target", Col.Text), ("stance", Col.Text), ("annotator", Col.Text), ("origin", Col.Text),
            ("blind", Col.Bool), ("evidence_json", Col.Text), ("note", Col.Text), ("created_utc", Col.Time), ("replaces", Col.Bigint), ("is_current", Col.Bool)]),
        ("label_skips", [("piece_id", Col.Bigint), ("annotator", Col.Text), ("skipped_utc", Col.Time)]),
        ("training_runs", [("id", Col.Bigint), ("started_utc", Col.Time), ("finished_utc", Col.Time), ("state", Col.Text), ("requested_by", Col.Text),
            ("baseline_version", Col.Text), ("candidate_version", Col.Text), ("decision", Col.Text), ("decided_by", Col.Text), ("decided_utc", Col.Time),
            ("result_json", Col.Text), ("error", Col.Text)]),
        ("fetch_log", [("id", Col.Bigint), ("source_id", Col.Bigint), ("url", Col.Text), ("final_url", Col.Text), ("started_utc", Col.Time), ("status", Col.Integer),
            ("bytes", Col.Bigint), ("elapsed_ms", Col.Bigint), ("attempts", Col.Integer), ("error_kind", Col.Text), ("error", Col.Text)]),
        ("api_keys", [("id", Col.Bigint), ("name", Col.Text), ("key_hash", Col.Text), ("role", Col.Text), ("created_utc", Col.Time)]),
        ("settings", [("key", Col.Text), ("value", Col.Text)]),
        ("simhash_bands", [("band", Col.Smallint), ("value", Col.Smallint), ("piece_id", Col.Bigint)]),
        ("url_validators", [("url", Col.Text), ("etag", Col.Text), ("last_modified_utc", Col.Time), ("updated_utc", Col.Time)]),
    ];

    /// <summary>Copies every table; returns the rows copied per table.</summary>
    /// <exception cref="InvalidOperationException">The target already holds data.</exception>
    public async Task<IReadOnlyDictionary<string, long>> CopyAsync(Action<string, long>? onTable, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await using var connection = await target.OpenAsync(cancellationToken);
        var existing = await connection.ExecuteScalarAsync<long>("SELECT (SELECT COUNT(*) FROM pieces) + (SELECT COUNT(*) FROM sources) + (SELECT COUNT(*) FROM model_versions) + (SELECT COUNT(*) FROM api_keys)");
        if (existing > 0)
        {
            throw new InvalidOperationException("The target database already holds pieces, sources, models or keys; copy into an empty database (created and migrated by this command).");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Targets synced at start are replaced by the file's, ids kept.
        await connection.ExecuteAsync("DELETE FROM targets; DELETE FROM settings;", transaction: transaction);
        foreach (var (table, columns) in Tables)
        {
            var rows = await CopyTableAsync(source, connection, table, columns, cancellationToken);
            counts[table] = rows;
            onTable?.Invoke(table, rows);
        }

        // Syndicated copies point at their originals: linked once every piece is in.
        var links = (await source.QueryAsync<(long Id, long Original)>("SELECT id, duplicate_of FROM pieces WHERE duplicate_of IS NOT NULL")).ToArray();
        if (links.Length > 0)
        {
            await connection.ExecuteAsync(
                "UPDATE pieces p SET duplicate_of = l.original FROM unnest(@ids, @originals) AS l(id, original) WHERE p.id = l.id",
                new { ids = links.Select(l => l.Id).ToArray(), originals = links.Select(l => l.Original).ToArray() },
                transaction);
        }

        // The queue triggers ran while duplicate_of was still empty: syndicated copies are never queued.
        await connection.ExecuteAsync(
            """
            DELETE FROM label_queue q USING pieces p WHERE p.id = q.piece_id AND p.duplicate_of IS NOT NULL;
            DELETE FROM label_pieces lp USING pieces p WHERE p.id = lp.piece_id AND p.duplicate_of IS NOT NULL;
            """,
            transaction: transaction);

        foreach (var (table, columns) in Tables.Where(t => t.Columns[0] is ("id", Col.Bigint)))
        {
            await connection.ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)",
                transaction: transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection target, string table, (string Name, Col Type)[] columns, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        await using var command = source.CreateCommand();
        command.CommandText = $"SELECT {names} FROM {table}" + (columns[0] is ("id", Col.Bigint) ? " ORDER BY id" : string.Empty); // labels.replaces points back
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var writer = await target.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Length; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await writer.WriteNullAsync(cancellationToken);
                    continue;
                }

                switch (columns[i].Type)
                {
                    case Col.Bigint:
                        await writer.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint, cancellationToken);
                        break;
                    case Col.Integer:
                        await writer.WriteAsync(checked((int)reader.GetInt64(i)), NpgsqlDbType.Integer, cancellationToken);
                        break;
                    case Col.Smallint:
                        await writer.WriteAsync(checked((short)reader.GetInt64(i)), NpgsqlDbType.Smallint, cancellationToken);
                        break;
                    case Col.Bool:
                        await writer.WriteAsync(reader.GetInt64(i) != 0, NpgsqlDbType.Boolean, cancellationToken);
                        break;
                    case Col.Double:
                        await writer.WriteAsync(reader.GetDouble(i), NpgsqlDbType.Double, cancellationToken);
                        break;
                    case Col.Bytea:
                        await writer.WriteAsync((byte[])reader.GetValue(i), NpgsqlDbType.Bytea, cancellationToken);
                        break;
                    case Col.Time:
                        await writer.WriteAsync(UtcText.Parse(reader.GetString(i)).UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                        break;
                    default:
                        await writer.WriteAsync(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!, NpgsqlDbType.Text, cancellationToken);
                        break;
                }
            }

            rows++;
        }

        await writer.CompleteAsync(cancellationToken);
        return rows;
    }
}
