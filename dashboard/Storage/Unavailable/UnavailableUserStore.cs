namespace StanceBoard.Dashboard.Storage.Unavailable;

/// <summary>The accounts store on PostgreSQL, until it keeps accounts: every call says why it cannot.</summary>
internal sealed class UnavailableUserStore : IUserStore
{
    public Task<UserAccount?> FindByNameAsync(string name, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<UserAccount?> FindByIdAsync(long id, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<UserAccount?> AddAsync(string name, string role, string passwordHash, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<bool> SetPasswordHashAsync(long id, string passwordHash, bool endSessions, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<bool> UpdateAsync(long id, string? role, bool? disabled, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<UserAccount?> RecordFailureAsync(long id, int maxAttempts, DateTimeOffset lockUntil, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task RecordSuccessAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();

    public Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken = default) => throw new LabellingStoreUnavailableException();
}
