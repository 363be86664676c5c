using System.Security.Cryptography;
using System.Text;

namespace StanceBoard.Dashboard.Auth;

/// <summary>
/// Keys are 256-bit random values, so a plain SHA-256 is the right hash (a slow password hash
/// adds nothing against brute force of that space and costs every request).
/// </summary>
public static class ApiKeyHasher
{
    public const string Prefix = "sbk_";

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key ?? string.Empty)));

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
