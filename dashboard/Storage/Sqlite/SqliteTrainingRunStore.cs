using Dapper;
using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>Training runs in the SQLite store (table <c>training_runs</c>, migration 6).</summary>
internal sealed class SqliteTrainingRunStore(IOptions<StorageOptions> options, TimeProvider time) : ITrainingRunStore
{
    private const string Columns = """
        id AS Id, started_utc AS StartedUtc, finished_utc AS FinishedUtc, state AS State, requested_by AS RequestedBy,
        baseline_version AS BaselineVersion, candidate_version AS CandidateVersion, decision AS Decision, decided_by AS DecidedBy,
        decided_utc AS DecidedUtc, result_json AS ResultJson, error AS Error
        """;

    private readonly string _connectionString = SqliteConnections.ConnectionString(options.Value);

    public async Task<long> StartAsync(string requestedBy, string? baselineVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO training_runs (started_utc, state, requested_by, baseline_version) VALUES (@now, 'running', @requestedBy, @baselineVersion) RETURNING id",
            new { now = UtcText.ToText(time.GetUtcNow()), requestedBy, baselineVersion });
    }

    public async Task UpdateAsync(long id, string state, string? candidateVersion, string? resultJson, string? error, bool finished, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE training_runs SET state = @state, candidate_version = COALESCE(@candidateVersion, candidate_version),
                result_json = COALESCE(@resultJson, result_json), error = @error,
                finished_utc = CASE WHEN @finished THEN COALESCE(finished_utc, @now) ELSE finished_utc END
            WHERE id = @id
            """,
            new { id, state, candidateVersion, resultJson, error, finished, now = UtcText.ToText(time.GetUtcNow()) });
    }

    public async Task<bool> DecideAsync(long id, string decision, string decidedBy, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE training_runs SET decision = @decision, decided_by = @decidedBy, decided_utc = @now
            WHERE id = @id AND state = 'finished' AND candidate_version IS NOT NULL AND decision IS NULL
            """,
            new { id, decision, decidedBy, now = UtcText.ToText(time.GetUtcNow()) }) == 1;
    }

    public async Task<TrainingRunRecord?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM training_runs WHERE id = @id", new { id }))?.ToRecord();
    }

    public async Task<IReadOnlyList<TrainingRunRecord>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM training_runs ORDER BY id DESC LIMIT @limit", new { limit = Math.Clamp(limit, 1, 500) });
        return rows.Select(r => r.ToRecord()).ToArray();
    }

    public async Task<int> AbandonRunningAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE training_runs SET state = 'failed', error = 'The dashboard stopped while the run was in progress.', finished_utc = @now WHERE state = 'running'",
            new { now = UtcText.ToText(time.GetUtcNow()) });
    }

    // Dapper fills these by property name; constructor matching would break on NULL columns.
    private sealed class Row
    {
        public long Id { get; init; }
        public string StartedUtc { get; init; } = "";
        public string? FinishedUtc { get; init; }
        public string State { get; init; } = "";
        public string RequestedBy { get; init; } = "";
        public string? BaselineVersion { get; init; }
        public string? CandidateVersion { get; init; }
        public string? Decision { get; init; }
        public string? DecidedBy { get; init; }
        public string? DecidedUtc { get; init; }
        public string? ResultJson { get; init; }
        public string? Error { get; init; }

        public TrainingRunRecord ToRecord() => new(
            Id, UtcText.Parse(StartedUtc), UtcText.ParseOrNull(FinishedUtc), State, RequestedBy, BaselineVersion, CandidateVersion,
            Decision, DecidedBy, UtcText.ParseOrNull(DecidedUtc), ResultJson, Error);
    }
}
