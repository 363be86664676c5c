namespace StanceBoard.Dashboard.Apis;

/// <summary>Reads a request body up to a limit, whatever Content-Length claims.</summary>
internal static class BoundedBody
{
    /// <summary>The body bytes, or <see langword="null"/> when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
