using StanceBoard.Dashboard.Storage.Postgres;

namespace StanceBoard.Dashboard.Storage;

/// <summary>
/// One connection to the configured PostgreSQL before a long-running process (<c>serve</c>,
/// <c>worker</c>) starts, so settings an operator must fix — a wrong password or user, a database
/// that does not exist — stop it at once with one line naming the server (never the password) and
/// the cause. A server that is down or unreachable is not a settings error: the process starts and
/// its start-up tasks retry with backoff (503s until the server answers).
/// </summary>
internal static class StorePreflight
{
    /// <summary>The one-line error for settings that must be fixed, or <see langword="null"/> to go on.</summary>
    public static async Task<string?> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<PostgresDatabase>() is not { } database)
        {
            return null;
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (StoreErrors.IsMisconfigured(ex))
        {
            return $"cannot use PostgreSQL {database.Description} ({StorageOptions.ConnectionStringKey}): {StoreErrors.Describe(ex)}";
        }
        catch (Exception ex) when (StoreErrors.IsUnavailable(ex))
        {
            return null;
        }
    }
}
