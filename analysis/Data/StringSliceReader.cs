namespace StanceBoard.Analysis.Data;

/// <summary>A reader over the rest of a string from an offset, without copying it.</summary>
internal sealed class StringSliceReader(string text, int offset) : TextReader
{
    private int _position = offset;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, text.Length - _position);
        text.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int ReadBlock(Span<char> buffer) => Read(buffer);

    public override int ReadBlock(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
}
