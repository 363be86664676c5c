using System.Net.Http.Json;
using System.Text.Json;

namespace StanceBoard.Dashboard.Tests.Labelling;

/// <summary>A browser-like client: keeps the session cookie and sends the antiforgery token from /api/account/session with every write.</summary>
internal sealed class SessionClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public string? Token { get; private set; }

    public async Task<JsonElement> RefreshAsync()
    {
        var session = await Http.GetFromJsonAsync<JsonElement>("/api/account/session");
        Token = session.GetProperty("antiforgery").GetString();
        return session;
    }

    public async Task<HttpResponseMessage> SignInAsync(string name, string password)
    {
        await RefreshAsync();
        var response = await PostAsync("/api/account/signin", new { name, password });
        await RefreshAsync(); // the token is bound to the signed-in account
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null) => SendAsync(HttpMethod.Post, url, body);

    public Task<HttpResponseMessage> PatchAsync(string url, object body) => SendAsync(HttpMethod.Patch, url, body);

    public Task<HttpResponseMessage> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url, null);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, bool withToken = true)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (withToken && Token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", Token);
        }

        return await Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
