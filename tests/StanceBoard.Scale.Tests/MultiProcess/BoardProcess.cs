using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StanceBoard.Scale.Tests.MultiProcess;

/// <summary>
/// The real executable as its own process (<c>serve</c> or <c>worker</c>), with settings in its
/// environment; its output is kept for assertions and for the failure message.
/// </summary>
internal sealed class BoardProcess : IAsyncDisposable
{
    public const string AdminKey = "scale-admin-key-4b9d1e7a";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BoardProcess(Process process, Uri? baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Where a <c>serve</c> process listens.</summary>
    public Uri? BaseUrl { get; }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Settings every process of a test shares: the database, the key, no demo, loopback fetching.</summary>
    public static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Storage__Provider"] = "postgres",
        ["ConnectionStrings__StanceBoard"] = connectionString,
        ["Auth__ApiKeys__0"] = AdminKey,
        ["Demo__Enabled"] = "false",
        ["Ingestion__AllowPrivateNetworks"] = "true",
        ["Ingestion__Polling__SeedDefaultSources"] = "false",
        ["Ingestion__Polling__Tick"] = "00:00:00.200",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging__LogLevel__System"] = "Warning",
    };

    public static BoardProcess Serve(IReadOnlyDictionary<string, string> settings)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        return Start(settings, url, "serve", "--urls", url.AbsoluteUri.TrimEnd('/'));
    }

    public static BoardProcess Worker(IReadOnlyDictionary<string, string> settings) => Start(settings, null, "worker");

    /// <summary>Any verb, such as <c>sources list</c>.</summary>
    public static BoardProcess Verb(IReadOnlyDictionary<string, string> settings, params string[] args) => Start(settings, null, args);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static BoardProcess Start(IReadOnlyDictionary<string, string> settings, Uri? url, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StanceBoard.Dashboard.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var board = new BoardProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, url);
        board._process.OutputDataReceived += (_, e) => board.Append(e.Data);
        board._process.ErrorDataReceived += (_, e) => board.Append(e.Data);
        board._process.Start();
        board._process.BeginOutputReadLine();
        board._process.BeginErrorReadLine();
        return board;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    /// <summary>Waits until the host says it started (hosted services started; a web process listens).</summary>
    public async Task WaitStartedAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(_started.Task, exited, Task.Delay(timeout));
        if (done != _started.Task)
        {
            throw new TimeoutException($"Process {string.Join(' ', _process.StartInfo.ArgumentList.Skip(1))} did not start (exited: {_process.HasExited}):\n{Output}");
        }
    }

    /// <summary>Waits until a line of output contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(50, cancel.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"No output line contained '{text}':\n{Output}");
            }
        }
    }

    public HttpClient CreateClient(bool admin = true)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (admin)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        }

        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is released.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
