using Npgsql;

namespace StanceBoard.Scale.Tests.MultiProcess;

/// <summary>
/// Every verb, <c>serve</c> and <c>worker</c> against a PostgreSQL it cannot use — nothing listening
/// on the port, a database that does not exist — prints one line naming the server (never the
/// password) and the cause, and exits 1: no stack trace. (A server that is down at start is waited
/// for by <c>serve</c> and <c>worker</c> instead: <see cref="PostgresFaultTests"/>.)
/// </summary>
public sealed class UnreachableStoreTests
{
    private const string Password = "s3cret-Pa55-unreachable";
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(120);

    public static TheoryData<string[]> Verbs => new()
    {
        new[] { "sources", "list" },
        new[] { "demo", "clear" },
        new[] { "chart", "author-heatmap", "--format", "svg", "--out", Path.Combine(Path.GetTempPath(), $"sb-unreachable-{Guid.NewGuid():N}.svg") },
        new[] { "ingest", PieceFile() },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Verb_NothingListensOnThePort_PrintsOneLineNamingTheServerAndExits1(string[] args)
    {
        var port = BoardProcess.FreePort();
        var settings = Settings($"Host=127.0.0.1;Port={port};Database=board;Username=board;Password={Password};Timeout=5");

        var (exit, output) = await RunAsync(BoardProcess.Verb(settings, args));

        exit.ShouldBe(1, string.Join('\n', output));
        var line = output.ShouldHaveSingleItem();
        line.ShouldStartWith($"error: cannot use PostgreSQL Host=127.0.0.1;Port={port};Database=board;Username=board (ConnectionStrings:StanceBoard): ");
        line.ShouldContain("Connection refused");
        line.ShouldNotContain(Password);
    }

    [Fact]
    public async Task Verb_DatabaseMissing_PrintsOneLineWithTheServersReasonAndExits1()
    {
        var connectionString = MissingDatabase();

        var (exit, output) = await RunAsync(BoardProcess.Verb(Settings(connectionString), "sources", "list"));

        exit.ShouldBe(1, string.Join('\n', output));
        var line = output.ShouldHaveSingleItem();
        line.ShouldStartWith("error: cannot use PostgreSQL Host=");
        line.ShouldContain("Database=sb_missing_database");
        line.ShouldContain("database \"sb_missing_database\" does not exist (SQLSTATE 3D000)");
        line.ShouldNotContain(SecretOf(connectionString));
    }

    [Fact]
    public async Task Worker_DatabaseMissing_PrintsOneLineAndExits1InsteadOfRetrying()
    {
        var connectionString = MissingDatabase();

        var (exit, output) = await RunAsync(BoardProcess.Worker(Settings(connectionString)));

        exit.ShouldBe(1, string.Join('\n', output));
        output.ShouldHaveSingleItem().ShouldContain("does not exist (SQLSTATE 3D000)");
        output.ShouldAllBe(l => !l.Contains(SecretOf(connectionString)));
    }

    [Fact]
    public async Task Serve_DatabaseMissing_PrintsOneLineAndExits1InsteadOfRetrying()
    {
        var connectionString = MissingDatabase();

        var (exit, output) = await RunAsync(BoardProcess.Serve(Settings(connectionString)));

        // (The test host has no wwwroot, so the web app also warns about static files: only errors are counted.)
        exit.ShouldBe(1, string.Join('\n', output));
        output.Where(l => l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith("error: cannot use PostgreSQL Host=");
        output.ShouldAllBe(l => !l.StartsWith("at ", StringComparison.Ordinal) && !l.Contains(SecretOf(connectionString)));
    }

    private static string PieceFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sb-unreachable-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "A title\n\nMoscow brokered a truce and Ankara objected to it.\n");
        return path;
    }

    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = BoardProcess.Settings(connectionString);
        settings["Logging__LogLevel__Default"] = "Warning";
        settings["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        return settings;
    }

    /// <summary>The test cluster and a database that is not there, with a password (the cluster tests/run starts trusts loopback, so it is never checked).</summary>
    private static string MissingDatabase()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = "sb_missing_database" };
        builder.Password ??= Password;
        return builder.ConnectionString;
    }

    private static string SecretOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Password!;

    private static async Task<(int Exit, string[] Output)> RunAsync(BoardProcess process)
    {
        await using (process)
        {
            var exit = await process.WaitForExitAsync(ExitTimeout);
            return (exit, process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }
}
