using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Scoring;
using StanceBoard.Analysis.Targets;
using StanceBoard.Ingestion;

namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// The dashboard's persistence. SQLite is the embedded default; a PostgreSQL implementation
/// of the same interface serves several instances. All times are UTC.
/// </summary>
public interface IStanceStore
{
    /// <summary>Creates the database if needed and applies pending migrations.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs a trivial query to prove the store answers.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes the stored target list match the configured one (adds new names, updates aliases).</summary>
    Task SyncTargetsAsync(IEnumerable<TargetDefinition> targets, CancellationToken cancellationToken = default);

    /// <summary>Finds a stored piece with the same content hash or canonical URL.</summary>
    Task<long?> FindDuplicateAsync(Piece piece, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a piece with its scores in one transaction: either both are stored or neither.
    /// A piece whose content hash or URL is already stored is not stored again.
    /// </summary>
    Task<AddPieceResult> AddScoredPieceAsync(Piece piece, IReadOnlyList<TargetScore> scores, bool isDemo = false, CancellationToken cancellationToken = default);

    /// <summary>Replaces a piece's scores (re-scoring with a new model).</summary>
    Task ReplaceScoresAsync(long pieceId, IReadOnlyList<TargetScore> scores, CancellationToken cancellationToken = default);

    /// <summary>Gets a piece with its scores, or <see langword="null"/>.</summary>
    Task<StoredPiece?> GetPieceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Lists pieces, newest first, with their scores.</summary>
    Task<IReadOnlyList<StoredPiece>> ListPiecesAsync(PieceQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The scores charts are drawn from: one observation per piece × target × author (a piece
    /// without authors gives one with no author), with published date, outlet and model version.
    /// Unscored targets and pieces linked as duplicates are left out. The filter pre-selects in the
    /// database; chart code applies it exactly. Returns at most <paramref name="limit"/> + 1 rows so
    /// callers can tell that the limit was hit.
    /// </summary>
    Task<IReadOnlyList<StanceObservation>> ListObservationsAsync(StanceFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="ListObservationsAsync"/>, for the pieces with an id above
    /// <paramref name="afterPieceId"/> only (0: all), read together with the highest piece id
    /// stored at that moment, so a reader can later ask for exactly what was added since. A store
    /// whose ids are not committed in increasing order returns every observation instead
    /// (<see cref="ObservationRead.Complete"/>).
    /// </summary>
    Task<ObservationRead> ListObservationsSinceAsync(StanceFilter filter, long afterPieceId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Per-target totals, for every target in the store (configured ones first appear with zero counts).</summary>
    Task<IReadOnlyList<TargetSummary>> GetTargetSummariesAsync(CancellationToken cancellationToken = default);

    /// <summary>How many pieces are stored, with or without the demo ones and the syndicated copies.</summary>
    Task<long> CountPiecesAsync(bool includeDemo = true, bool includeCopies = true, CancellationToken cancellationToken = default);

    /// <summary>The syndicated copies stored linked to piece <paramref name="originalId"/> (at most 100, oldest first).</summary>
    Task<IReadOnlyList<StoredPiece>> ListCopiesAsync(long originalId, CancellationToken cancellationToken = default);

    /// <summary>The highest piece id, or 0 for an empty store.</summary>
    Task<long> GetMaxPieceIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a persistent setting of this database, or <see langword="null"/>.</summary>
    Task<string?> GetSettingAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes a persistent setting of this database.</summary>
    Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Deletes the demo pieces; returns how many.</summary>
    Task<int> DeleteDemoPiecesAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether any API key hash is stored.</summary>
    Task<bool> HasApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores the hash of an API key with its role.</summary>
    Task AddApiKeyAsync(string name, string keyHash, string role, CancellationToken cancellationToken = default);

    /// <summary>Returns the role of the key with this hash, or <see langword="null"/>.</summary>
    Task<string?> FindApiKeyRoleAsync(string keyHash, CancellationToken cancellationToken = default);
}
