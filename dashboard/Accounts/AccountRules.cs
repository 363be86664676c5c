using System.Text.RegularExpressions;
using StanceBoard.Dashboard.Auth;

namespace StanceBoard.Dashboard.Accounts;

/// <summary>What a valid account name, role and password are; each check returns the problem in words, or <see langword="null"/>.</summary>
internal static partial class AccountRules
{
    public const int MaxNameLength = 64;
    public const int MaxPasswordLength = 256;

    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A name is required.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"A name has at most {MaxNameLength} characters.";
        }

        return NamePattern().IsMatch(name)
            ? null
            : "A name may hold letters, digits, spaces and . _ - @, and starts and ends with a letter or digit.";
    }

    public static string? CheckRole(string? role) =>
        role is Roles.Admin or Roles.Annotator ? null : $"The role must be '{Roles.Annotator}' or '{Roles.Admin}'.";

    public static string? CheckPassword(string? password, string? name, int minLength)
    {
        if (string.IsNullOrEmpty(password) || password.Length < minLength)
        {
            return $"A password has at least {minLength} characters.";
        }

        if (password.Length > MaxPasswordLength)
        {
            return $"A password has at most {MaxPasswordLength} characters.";
        }

        if (name is not null && string.Equals(password.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "The password must not be the account name.";
        }

        return null;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}](?:[\p{L}\p{N} ._@-]*[\p{L}\p{N}])?$")]
    private static partial Regex NamePattern();
}
