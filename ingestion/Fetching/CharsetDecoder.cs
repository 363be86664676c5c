using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace StanceBoard.Ingestion.Fetching;

/// <summary>
/// Turns body bytes into text: a byte-order mark wins, then the Content-Type charset, then a
/// <c>&lt;meta charset&gt;</c> or XML declaration in the first bytes, then UTF-8 when the bytes
/// are valid UTF-8, else windows-1252 (what browsers assume for legacy pages).
/// </summary>
internal static partial class CharsetDecoder
{
    private const int PrescanBytes = 2048;

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, string Charset) Decode(ReadOnlySpan<byte> body, string? headerCharset)
    {
        if (FromBom(body) is { } bom)
        {
            return (bom.Encoding.GetString(body[bom.Length..]), bom.Encoding.WebName);
        }

        var declared = Clean(headerCharset) ?? Clean(Prescan(body));
        if (declared is not null)
        {
            if (TryGet(declared) is { } encoding)
            {
                // A page that says UTF-16 without a BOM is almost always ASCII-compatible in practice.
                if (encoding is UnicodeEncoding or UTF32Encoding)
                {
                    encoding = Encoding.UTF8;
                }

                return (encoding.GetString(body), encoding.WebName);
            }

            if (!IsValidUtf8(body))
            {
                throw new FetchException(FetchErrorKind.BadCharset, $"The charset '{declared}' is unknown and the body is not valid UTF-8.");
            }

            return (Encoding.UTF8.GetString(body), "utf-8");
        }

        if (IsValidUtf8(body))
        {
            return (Encoding.UTF8.GetString(body), "utf-8");
        }

        var fallback = Encoding.GetEncoding(1252);
        return (fallback.GetString(body), fallback.WebName);
    }

    private static (Encoding Encoding, int Length)? FromBom(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false), 3);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(false, false), 4);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(true, false), 4);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(false, false), 2);
        }

        return body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (new UnicodeEncoding(true, false), 2) : null;
    }

    private static string? Prescan(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, PrescanBytes)]);
        var xml = XmlDeclaration().Match(head);
        if (xml.Success)
        {
            return xml.Groups["cs"].Value;
        }

        var meta = MetaCharset().Match(head);
        return meta.Success ? meta.Groups["cs"].Value : null;
    }

    private static string? Clean(string? charset)
    {
        var value = charset?.Trim().Trim('"', '\'').Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static Encoding? TryGet(string name)
    {
        try
        {
            var encoding = Encoding.GetEncoding(name);

            // WHATWG: labels for latin1/ascii mean windows-1252.
            return encoding.CodePage is 28591 or 20127 ? Encoding.GetEncoding(1252) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> body) => Utf8.IsValid(body);

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["'](?<cs>[A-Za-z0-9._:-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("""<meta[^>]+?charset\s*=\s*["']?(?<cs>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
