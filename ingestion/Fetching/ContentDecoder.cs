using System.IO.Compression;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// Undoes Content-Encoding (gzip, deflate, br) and gzip-wrapped bodies without a header
/// (<c>sitemap.xml.gz</c>), counting decompressed bytes so a bomb is stopped at the cap.
/// </summary>
internal static class ContentDecoder
{
    public static async Task<byte[]> DecodeAsync(byte[] body, IEnumerable<string> contentEncodings, long maxBytes, CancellationToken cancellationToken)
    {
        var data = body;
        foreach (var encoding in contentEncodings.Reverse())
        {
            data = encoding.Trim().ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => await InflateAsync(data, s => new GZipStream(s, CompressionMode.Decompress), "gzip", maxBytes, cancellationToken).ConfigureAwait(false),
                "deflate" => await InflateDeflateAsync(data, maxBytes, cancellationToken).ConfigureAwait(false),
                "br" => await InflateAsync(data, s => new BrotliStream(s, CompressionMode.Decompress), "brotli", maxBytes, cancellationToken).ConfigureAwait(false),
                "identity" or "" => data,
                var other => throw new FetchException(FetchErrorKind.Unsupported, $"The server used Content-Encoding '{other}', which is not supported."),
            };
        }

        // A .gz file served without Content-Encoding (common for sitemaps): unwrap it too.
        if (data.Length > 2 && data[0] == 0x1f && data[1] == 0x8b)
        {
            data = await InflateAsync(data, s => new GZipStream(s, CompressionMode.Decompress), "gzip", maxBytes, cancellationToken).ConfigureAwait(false);
        }

        if (data.LongLength > maxBytes)
        {
            throw new FetchException(FetchErrorKind.TooLarge, $"The body is {data.LongLength:N0} bytes, over the {maxBytes:N0}-byte limit.");
        }

        return data;
    }

    private static async Task<byte[]> InflateDeflateAsync(byte[] data, long maxBytes, CancellationToken cancellationToken)
    {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        var isZlib = data.Length >= 2 && (data[0] & 0x0f) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;
        return isZlib
            ? await InflateAsync(data, s => new ZLibStream(s, CompressionMode.Decompress), "deflate", maxBytes, cancellationToken).ConfigureAwait(false)
            : await InflateAsync(data, s => new DeflateStream(s, CompressionMode.Decompress), "deflate", maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> InflateAsync(byte[] data, Func<Stream, Stream> open, string name, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var input = new MemoryStream(data, writable: false);
            var decompressor = open(input);
            await using (decompressor.ConfigureAwait(false))
            {
                return await BodyReader.ReadCappedAsync(decompressor, maxBytes, FetchErrorKind.DecompressionBomb, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new FetchException(FetchErrorKind.Malformed, $"The {name} body could not be decompressed: {ex.Message}");
        }
    }
}
