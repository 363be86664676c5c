using System.Text;

namespace StanceBoard.Ingestion.Files;

/// <summary>
/// Turns file bytes into text: honours a UTF-8 or UTF-16 byte-order mark, otherwise requires
/// valid UTF-8, and refuses binary content. Errors say what is wrong and where.
/// </summary>
public static class TextDecoder
{
    private const int SniffBytes = 8192;

    /// <summary>Decodes <paramref name="bytes"/> or throws <see cref="FileFormatException"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeStrict(new UTF8Encoding(false, true), bytes[3..], "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16LE");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16BE");
        }

        if (LooksBinary(bytes))
        {
            throw new FileFormatException("it is a binary file, not text (it contains NUL or other control bytes)");
        }

        return DecodeStrict(new UTF8Encoding(false, true), bytes, "UTF-8");
    }

    /// <summary>Whether the first bytes contain NULs or many control characters.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SniffBytes)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                control++;
            }
        }

        return sample.Length > 0 && control * 100 > sample.Length * 2;
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" at byte {ex.Index}" : string.Empty;
            throw new FileFormatException($"it is not valid {name} text{at}; save it as UTF-8", ex);
        }
    }
}
