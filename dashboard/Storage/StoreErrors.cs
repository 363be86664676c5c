using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace StanceBoard.Dashboard.Storage;

/// <summary>Tells a store that cannot be reached (worth retrying) from other failures.</summary>
internal static class StoreErrors
{
    /// <summary>
    /// Whether the server answered but refused this connection for a reason an operator must fix
    /// in the settings (wrong password or user, missing database): retrying does not help.
    /// </summary>
    public static bool IsMisconfigured(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException pg)
            {
                return pg.SqlState.StartsWith("28", StringComparison.Ordinal) || pg.SqlState == PostgresErrorCodes.InvalidCatalogName;
            }
        }

        return false;
    }

    /// <summary>
    /// The cause of a store failure in one line, for an operator: the server's own message with its
    /// SQLSTATE, or the connection error and its socket cause ("Failed to connect to 127.0.0.1:5433:
    /// Connection refused"). Npgsql's messages never hold the password.
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parts = new List<string>();
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            var text = ex switch
            {
                PostgresException pg => $"{pg.MessageText} (SQLSTATE {pg.SqlState})",
                _ => ex.Message,
            };
            text = text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
            if (text.Length > 0 && !parts.Any(p => p.Contains(text, StringComparison.Ordinal)))
            {
                parts.Add(text);
            }

            if (ex is PostgresException)
            {
                break;
            }
        }

        return string.Join(": ", parts);
    }

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
