using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StanceBoard.Dashboard.Accounts;
using StanceBoard.Tests.Shared;

namespace StanceBoard.Dashboard.Tests.Labelling;

/// <summary>
/// The real app over a fresh database with extra settings, optionally on a fake clock, keeping every
/// log message it writes (to check that passwords never reach the logs).
/// </summary>
internal sealed class LabellingFactory(IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null)
    : StanceBoardFactory(useKestrel: false, folder: null, settings: settings)
{
    public ConcurrentQueue<string> Logs { get; } = new();

    public FakeTimeProvider? Time { get; } = time;

    /// <summary>Creates an account directly through the service.</summary>
    public async Task CreateAccountAsync(string name, string role, string password)
    {
        var change = await Services.GetRequiredService<AccountService>().CreateAsync(name, role, password);
        change.Error.ShouldBeNull();
    }

    /// <summary>A client that keeps cookies and sends the antiforgery token with its writes.</summary>
    public SessionClient Session() => new(CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true }));

    /// <summary>A client with an API key.</summary>
    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
        if (Time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
    }
}
