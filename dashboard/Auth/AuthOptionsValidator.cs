using Microsoft.Extensions.Options;

namespace StanceBoard.Dashboard.Auth;

/// <summary>API keys must be real secrets: not blank, not short, and not both an admin and an annotator key.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    /// <summary>The shortest key accepted.</summary>
    public const int MinKeyLength = 12;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check("Auth:ApiKeys", options.ApiKeys, failures);
        Check("Auth:AnnotatorKeys", options.AnnotatorKeys, failures);
        if (options.ApiKeys.Intersect(options.AnnotatorKeys, StringComparer.Ordinal).Any())
        {
            failures.Add("A key is listed both in Auth:ApiKeys and in Auth:AnnotatorKeys; give each role its own key.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string setting, List<string> keys, List<string> failures)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(keys[i]) || keys[i].Trim().Length < MinKeyLength)
            {
                // Never quote the key itself: configuration errors end up in logs.
                failures.Add($"{setting}:{i} must be a key of at least {MinKeyLength} characters.");
            }
        }
    }
}
