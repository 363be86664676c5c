using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace StanceBoard.Dashboard.Storage;

/// <summary>Tells a store that cannot be reached (worth retrying) from other failures.</summary>
internal static class StoreErrors
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    // Connection, authentication, missing database, shutdown and resource classes: an operator fixes these, and the store comes back.
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("28", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("57", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState == PostgresErrorCodes.InvalidCatalogName;
                case NpgsqlException:
                case SocketException:
                case TimeoutException:
                    return true;
                case DbException when ex.GetType().Name == "SqliteException":
                    return false;
            }
        }

        return false;
    }
}
