namespace StanceBoard.Ingestion.Fetching;

/// <summary>Reads a response body into memory, refusing anything over a byte cap.</summary>
internal static class BodyReader
{
    public static async Task<byte[]> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new FetchException(FetchErrorKind.TooLarge, $"The body is {declared:N0} bytes (Content-Length), over the {maxBytes:N0}-byte limit.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadCappedAsync(stream, maxBytes, FetchErrorKind.TooLarge, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<byte[]> ReadCappedAsync(Stream stream, long maxBytes, FetchErrorKind kind, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > maxBytes)
            {
                throw new FetchException(kind, kind == FetchErrorKind.DecompressionBomb
                    ? $"The body decompresses to more than {maxBytes:N0} bytes (decompression bomb?); refused."
                    : $"The body is larger than the {maxBytes:N0}-byte limit; download stopped.");
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
