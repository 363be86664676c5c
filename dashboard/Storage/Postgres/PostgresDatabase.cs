using Npgsql;
using StanceBoard.Dashboard.Hosting;

namespace StanceBoard.Dashboard.Storage.Postgres;

/// <summary>
/// The PostgreSQL connection pool (one <see cref="NpgsqlDataSource"/> per process) built from
/// <c>ConnectionStrings:StanceBoard</c>. A connection string that cannot be parsed is reported
/// naming the setting; messages describe the server without the password.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    public PostgresDatabase(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ConfigurationException(
                $"Storage:Provider is 'postgres' but {StorageOptions.ConnectionStringKey} is empty. Set it (ConnectionStrings__StanceBoard=\"Host=...;Database=...;Username=...;Password=...\").");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The parser's message names the keyword or value type, never the other values.
            throw new ConfigurationException($"{StorageOptions.ConnectionStringKey} is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ConfigurationException($"{StorageOptions.ConnectionStringKey} names no Host.");
        }

        Description = Describe(builder);
        builder.ApplicationName ??= "stanceboard";
        DataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>The pool.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The full connection string (with the password: never print it).</summary>
    public string ConnectionString { get; }

    /// <summary>Where the store is, without the password: for messages and logs.</summary>
    public string Description { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => DataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>Host, port, database and user of a connection string: what an operator needs to find it.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return $"Host={builder.Host};Port={builder.Port};Database={builder.Database ?? builder.Username};Username={builder.Username}";
    }
}
