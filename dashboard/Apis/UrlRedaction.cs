using System.Text.RegularExpressions;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// Hides credentials written into URLs (<c>https://user:password@host/…</c>) wherever a source
/// URL, or a message quoting one, is shown: the sources list and detail are public.
/// </summary>
internal static partial class UrlRedaction
{
    /// <summary>The text with the user-info part of every http(s) URL replaced by <c>***</c>.</summary>
    public static string Redact(string text) => UserInfo().Replace(text, "$1***@");

    /// <inheritdoc cref="Redact(string)"/>
    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    // Scheme, then anything up to an @ before the first /, ?, # or space: the user-info part.
    [GeneratedRegex(@"(?i)(https?://)[^/?#\s@]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
