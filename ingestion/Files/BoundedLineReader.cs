using System.Text;

namespace StanceBoard.Ingestion.Files;

/// <summary>Reads lines without ever holding more than a set number of characters of one line.</summary>
internal sealed class BoundedLineReader(TextReader reader, int maxChars)
{
    private readonly StringBuilder _line = new();

    /// <summary>Whether the last line read was longer than the limit (and was cut off).</summary>
    public bool LastWasTooLong { get; private set; }

    /// <summary>The next line, or <see langword="null"/> at the end of the input.</summary>
    public string? ReadLine()
    {
        _line.Clear();
        LastWasTooLong = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (c == '\n')
            {
                break;
            }

            if (c == '\r')
            {
                continue;
            }

            if (_line.Length < maxChars)
            {
                _line.Append((char)c);
            }
            else
            {
                LastWasTooLong = true;
            }
        }

        return any ? _line.ToString() : null;
    }
}
