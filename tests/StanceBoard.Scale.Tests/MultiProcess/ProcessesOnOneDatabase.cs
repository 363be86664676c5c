namespace StanceBoard.Scale.Tests.MultiProcess;

/// <summary>
/// A test class whose tests start real StanceBoard processes on one fresh PostgreSQL database:
/// the database is created before each test and dropped after it, with every process the test
/// started (<see cref="Track"/>) stopped first.
/// </summary>
public abstract class ProcessesOnOneDatabase : IAsyncLifetime
{
    /// <summary>How long a process may take to start (a first start builds nothing, but migrates and trains the default model).</summary>
    protected static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    /// <summary>The processes started so far, in order.</summary>
    private protected List<BoardProcess> Processes { get; } = [];

    /// <summary>The test's database (a connection string).</summary>
    protected string Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await PostgresServer.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var process in Processes)
        {
            await process.DisposeAsync();
        }

        await PostgresServer.DropDatabaseAsync(Database);
    }

    /// <summary>Keeps <paramref name="process"/> to be stopped after the test.</summary>
    private protected BoardProcess Track(BoardProcess process)
    {
        Processes.Add(process);
        return process;
    }
}
