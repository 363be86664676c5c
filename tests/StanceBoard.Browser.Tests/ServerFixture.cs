using StanceBoard.Tests.Shared;

namespace StanceBoard.Browser.Tests;

/// <summary>One real server (Kestrel on a loopback port, fresh database, default model) shared by a test class.</summary>
public sealed class ServerFixture : IDisposable
{
    private readonly KestrelStanceBoardFactory _factory = new();

    public ServerFixture()
    {
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's services (its store), for setting up what the API cannot post (demo pieces).</summary>
    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateWriter()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", StanceBoardFactory.AdminKey);
        return client;
    }

    public void Dispose() => _factory.Dispose();
}
