using Dapper;
using Microsoft.Data.Sqlite;

namespace StanceBoard.Dashboard.Storage.Sqlite;

/// <summary>Opens pooled connections to the store's file with the same settings as the main store (foreign keys, WAL-friendly pragmas).</summary>
internal static class SqliteConnections
{
    public static string ConnectionString(StorageOptions options) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Database),
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;");
        return connection;
    }
}
