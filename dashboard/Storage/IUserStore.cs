namespace StanceBoard.Dashboard.Storage;

/// <summary>Local accounts (table <c>users</c>). Names are unique ignoring case; all times UTC.</summary>
public interface IUserStore
{
    /// <summary>The account named <paramref name="name"/> (ignoring case), or <see langword="null"/>.</summary>
    Task<UserAccount?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The account with <paramref name="id"/>, or <see langword="null"/>.</summary>
    Task<UserAccount?> FindByIdAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every account, by name.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an account; <see langword="null"/> when the name is taken.</summary>
    Task<UserAccount?> AddAsync(string name, string role, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Replaces the password hash, clears any lockout and renews the security stamp (ending sessions); false when there is no such account.</summary>
    Task<bool> SetPasswordHashAsync(long id, string passwordHash, bool endSessions, CancellationToken cancellationToken = default);

    /// <summary>Changes role and/or disabled status and renews the security stamp; false when there is no such account.</summary>
    Task<bool> UpdateAsync(long id, string? role, bool? disabled, CancellationToken cancellationToken = default);

    /// <summary>Counts a wrong password; at <paramref name="maxAttempts"/> the account is locked until <paramref name="lockUntil"/>. Returns the account after the change.</summary>
    Task<UserAccount?> RecordFailureAsync(long id, int maxAttempts, DateTimeOffset lockUntil, CancellationToken cancellationToken = default);

    /// <summary>Records a successful sign-in: clears failures and lockout, stamps the time.</summary>
    Task RecordSuccessAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>How many enabled admin accounts exist.</summary>
    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken = default);
}
