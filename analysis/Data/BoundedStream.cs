namespace StanceBoard.Analysis.Data;

/// <summary>
/// A read-only view of a stream that fails once more than a set number of bytes is read, with the
/// exception <paramref name="tooLarge"/> makes from the limit (a <see cref="LabelledDataException"/>
/// by default).
/// </summary>
/// <param name="inner">The stream read.</param>
/// <param name="maxBytes">The most bytes that may be read.</param>
/// <param name="tooLarge">The exception thrown when more is read, given the limit.</param>
public sealed class BoundedStream(Stream inner, long maxBytes, Func<long, Exception>? tooLarge = null) : Stream
{
    private long _read;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        if (_read > maxBytes)
        {
            throw tooLarge?.Invoke(maxBytes) ?? new LabelledDataException($"The input is larger than the limit of {maxBytes:N0} bytes.");
        }

        return n;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
