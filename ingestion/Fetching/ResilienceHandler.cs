using System.Net;
using System.Net.Http.Headers;
using Polly;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// The DelegatingHandler that runs each request through its host's Polly pipeline. Every attempt
/// sends a fresh copy of the request and reads a successful body fully (under the byte cap)
/// inside the attempt, so slow bodies and mid-body resets are retried like any other fault.
/// </summary>
internal sealed class ResilienceHandler(HostPipelines pipelines, FetchOptions options) : DelegatingHandler
{
    private const int ErrorBodyBytes = 16 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = pipelines.For(HostKey.For(request.RequestUri!));
        request.Options.TryGetValue(AttemptInfo.Key, out var info);
        info ??= new AttemptInfo();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HostPipelines.InfoKey, info);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.AttemptAsync(state.Request, state.Info, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request, Info: info)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage original, AttemptInfo info, CancellationToken cancellationToken)
    {
        info.CountAttempt();
        using var request = Copy(original);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300 && response.StatusCode != HttpStatusCode.NoContent)
            {
                var body = await BodyReader.ReadCappedAsync(response.Content, options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
                response.Content = Buffered(body, response.Content.Headers);
            }
            else if (status >= 400)
            {
                var body = await ReadSomeAsync(response.Content, cancellationToken).ConfigureAwait(false);
                response.Content = Buffered(body, response.Content.Headers);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<byte[]> ReadSomeAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[ErrorBodyBytes];
                var total = 0;
                int read;
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return buffer[..total];
            }
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static ByteArrayContent Buffered(byte[] body, HttpContentHeaders headers)
    {
        var content = new ByteArrayContent(body);
        foreach (var header in headers)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return content;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage original)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version, VersionPolicy = original.VersionPolicy };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}
