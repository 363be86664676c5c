namespace StanceBoard.Ingestion.Fetching;

/// <summary>Recognises binary bodies (images, archives, PDFs, executables) whatever their declared type.</summary>
internal static class BinarySniffer
{
    private static readonly (byte[] Magic, int Offset, string Name)[] s_signatures =
    [
        ("%PDF-"u8.ToArray(), 0, "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], 0, "a PNG image"),
        ("GIF8"u8.ToArray(), 0, "a GIF image"),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image"),
        ("RIFF"u8.ToArray(), 0, "a RIFF (WebP/WAV/AVI) file"),
        ([0x50, 0x4B, 0x03, 0x04], 0, "a ZIP archive"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "an ELF executable"),
        ("MZ"u8.ToArray(), 0, "a Windows executable"),
        ("OggS"u8.ToArray(), 0, "an Ogg media file"),
        ("ID3"u8.ToArray(), 0, "an MP3 file"),
        ("ftyp"u8.ToArray(), 4, "an MP4 media file"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7-Zip archive"),
        ("Rar!"u8.ToArray(), 0, "a RAR archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], 0, "a Zstandard archive"),
        ("wOFF"u8.ToArray(), 0, "a web font"),
    ];

    private static readonly string[] s_binaryMediaPrefixes = ["image/", "audio/", "video/", "font/"];

    private static readonly HashSet<string> s_binaryMediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "application/zip", "application/x-7z-compressed", "application/vnd.rar", "application/x-tar",
        "application/msword", "application/vnd.ms-excel", "application/x-msdownload", "application/wasm",
    };

    /// <summary>Returns what the body is when it is binary, or <see langword="null"/> for text.</summary>
    public static string? Detect(ReadOnlySpan<byte> body, string? mediaType)
    {
        if (mediaType is not null && (s_binaryMediaTypes.Contains(mediaType) || s_binaryMediaPrefixes.Any(p => mediaType.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
        {
            return $"a {mediaType} file";
        }

        foreach (var (magic, offset, name) in s_signatures)
        {
            if (body.Length >= offset + magic.Length && body.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return name;
            }
        }

        if (HasUtf16Or32Bom(body))
        {
            return null;
        }

        var sample = body[..Math.Min(body.Length, 4096)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return "binary data (NUL bytes)";
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                control++;
            }
        }

        return sample.Length > 0 && control * 10 > sample.Length ? "binary data (control bytes)" : null;
    }

    private static bool HasUtf16Or32Bom(ReadOnlySpan<byte> body) =>
        body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || body.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
}
