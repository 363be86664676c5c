using Npgsql;

namespace StanceBoard.Benchmarks.Scale;

/// <summary>
/// A fresh database for one run: on PostgreSQL (the cluster named by <c>STANCEBOARD_BENCH_POSTGRES</c>,
/// e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres</c>) or an SQLite file in a temp folder.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string Variable = "STANCEBOARD_BENCH_POSTGRES";
    private readonly string? _folder;

    private BenchDatabase(bool postgres, string target, string? folder)
    {
        IsPostgres = postgres;
        Target = target;
        _folder = folder;
    }

    public bool IsPostgres { get; }

    /// <summary>The connection string, or the SQLite file.</summary>
    public string Target { get; }

    public IReadOnlyDictionary<string, string> Settings => IsPostgres
        ? new Dictionary<string, string> { ["Storage__Provider"] = "postgres", ["ConnectionStrings__StanceBoard"] = Target }
        : new Dictionary<string, string> { ["Storage__Provider"] = "sqlite", ["Storage__Database"] = Target };

    public static async Task<BenchDatabase> CreateAsync(string store)
    {
        if (store != "postgres")
        {
            var folder = Directory.CreateTempSubdirectory("stanceboard-bench-").FullName;
            return new BenchDatabase(false, Path.Combine(folder, "board.db"), folder);
        }

        var admin = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"Set {Variable} to an admin connection string of a PostgreSQL cluster (a database is created per run).");
        var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(true, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(Target).Database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
