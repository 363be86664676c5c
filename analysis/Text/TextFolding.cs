using System.Globalization;
using System.Text;

namespace StanceBoard.Analysis.Text;

/// <summary>
/// Folds text for matching: lower-cases (invariant culture) and removes diacritics, so that
/// "Erdoğan", "ERDOGAN" and "erdogan" compare equal. Letters that do not decompose
/// (Turkish dotless ı, ø, ł, đ, ß) are mapped to their nearest ASCII spelling.
/// </summary>
public static class TextFolding
{
    /// <summary>Returns the folded form of <paramref name="value"/>.</summary>
    public static string Fold(ReadOnlySpan<char> value)
    {
        if (!Ascii.IsValid(value))
        {
            return FoldUnicode(value);
        }

        // ASCII has no diacritics and no special letters: folding is lower-casing A–Z.
        if (!HasAsciiUpper(value))
        {
            return value.ToString();
        }

        return string.Create(value.Length, value, static (into, from) => Ascii.ToLower(from, into, out _));
    }

    /// <summary>
    /// Folds <paramref name="value"/> into <paramref name="into"/> when it is ASCII (as most words are)
    /// and fits; returns the folded length, or −1 when <see cref="Fold"/> must be used instead.
    /// </summary>
    internal static int TryFoldAscii(ReadOnlySpan<char> value, Span<char> into)
    {
        if (value.Length > into.Length || Ascii.ToLower(value, into, out var written) != System.Buffers.OperationStatus.Done)
        {
            return -1;
        }

        return written;
    }

    private static bool HasAsciiUpper(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string FoldUnicode(ReadOnlySpan<char> value)
    {
        var decomposed = value.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'ı': builder.Append('i'); break;
                case 'ø' or 'Ø': builder.Append('o'); break;
                case 'ł' or 'Ł': builder.Append('l'); break;
                case 'đ' or 'Đ': builder.Append('d'); break;
                case 'ß': builder.Append("ss"); break;
                case 'æ' or 'Æ': builder.Append("ae"); break;
                case '’' or 'ʼ' or '‘': builder.Append('\''); break;
                default: builder.Append(char.ToLowerInvariant(c)); break;
            }
        }

        return builder.ToString();
    }
}
