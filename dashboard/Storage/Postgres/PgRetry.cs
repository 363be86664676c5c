using Microsoft.Extensions.Logging;
using Npgsql;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>Retries a transaction that lost a deadlock or serialization conflict to another writer (it changed nothing).</summary>
internal static class PgRetry
{
    private const int Attempts = 5;

    public static async Task<T> OnConflictAsync<T>(Func<Task<T>> transaction, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transaction();
            }
            catch (PostgresException ex) when (attempt < Attempts && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                logger.LogDebug("Transaction conflict ({SqlState}); retrying (attempt {Attempt})", ex.SqlState, attempt + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt * Random.Shared.Next(1, 4)), cancellationToken);
            }
        }
    }
}
