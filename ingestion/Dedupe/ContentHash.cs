using System.Security.Cryptography;
using System.Text;

namespace StanceBoard.Ingestion.Dedupe;

/// <summary>
/// A content fingerprint that ignores case, white space and punctuation, so that the same
/// text scraped twice with different line wrapping or curly quotes hashes the same.
/// </summary>
public static class ContentHash
{
    /// <summary>Returns the lower-case hex SHA-256 of the normalised text.</summary>
    public static string Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && normalized.Length > 0)
                {
                    normalized.Append(' ');
                }

                normalized.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized.ToString())));
    }
}
