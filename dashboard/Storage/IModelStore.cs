namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// Model versions in the database: each with its file bytes, metrics, training-data hash and
/// creation time. Exactly one version is active once any has been promoted; every promotion is
/// recorded, so a rollback returns to the version active before the current one.
/// </summary>
public interface IModelStore
{
    /// <summary>Stores a new, inactive version. A version name already stored is refused.</summary>
    Task<ModelVersionInfo> AddAsync(string version, byte[] model, string? dataHash, string? metricsJson, int? examples, string? source, CancellationToken cancellationToken = default);

    /// <summary>All versions, newest first.</summary>
    Task<IReadOnlyList<ModelVersionInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The active version, or <see langword="null"/> when none has been promoted.</summary>
    Task<ModelVersionInfo?> GetActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>The model file of <paramref name="version"/>, or <see langword="null"/> when there is no such version.</summary>
    Task<byte[]?> GetBytesAsync(string version, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="version"/> the one active version and records the promotion.</summary>
    /// <exception cref="KeyNotFoundException">There is no such version.</exception>
    Task<ModelVersionInfo> PromoteAsync(string version, string reason, CancellationToken cancellationToken = default);

    /// <summary>Re-activates the version that was active before the current one; <see langword="null"/> when there is none.</summary>
    Task<ModelVersionInfo?> RollbackAsync(CancellationToken cancellationToken = default);
}
