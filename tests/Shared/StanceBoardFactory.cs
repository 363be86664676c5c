using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace StanceBoard.Tests.Shared;

/// <summary>
/// The real app over a fresh SQLite file in a temp folder, with known API keys and no demo
/// replay. Pass <c>useKestrel: true</c> for a real socket (browsers, WebSocket clients).
/// </summary>
public class StanceBoardFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-7f3a9c2e5b";
    public const string AnnotatorKey = "test-annotator-key-1d8e4f6a0c";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsFolder;

    public StanceBoardFactory()
        : this(useKestrel: false)
    {
    }

    protected StanceBoardFactory(bool useKestrel, string? folder = null, IDictionary<string, string?>? settings = null, int port = 0)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("stanceboard-test-").FullName;
        DatabasePath = Path.Combine(Folder, "board.db");
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Database"] = DatabasePath,
            ["Auth:ApiKeys:0"] = AdminKey,
            ["Auth:AnnotatorKeys:0"] = AnnotatorKey,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (useKestrel)
        {
            UseKestrel(port);
        }
    }

    /// <summary>The folder holding the database; deleted on dispose when the factory made it.</summary>
    public string Folder { get; }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (!_ownsFolder)
            {
                return;
            }

            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown: the OS temp cleaner takes it.
            }
        }
    }
}

/// <summary>The app on a real Kestrel socket at a free port on 127.0.0.1.</summary>
public sealed class KestrelStanceBoardFactory : StanceBoardFactory
{
    public KestrelStanceBoardFactory()
        : base(useKestrel: true)
    {
    }

    /// <summary>A server over an existing folder (to restart on the same database), with extra settings, on a chosen port.</summary>
    public static KestrelStanceBoardFactory Create(string? folder = null, IDictionary<string, string?>? settings = null, int port = 0) => new(folder, settings, port);

    private KestrelStanceBoardFactory(string? folder, IDictionary<string, string?>? settings, int port)
        : base(useKestrel: true, folder, settings, port)
    {
    }
}
