using StanceBoard.Dashboard.Storage;
using StanceBoard.Ingestion.Sources;

namespace StanceBoard.Dashboard.Apis;

/// <summary>Checks a <see cref="SourceInput"/> and names each bad field.</summary>
internal static class SourceInputValidator
{
    public const int MinIntervalMinutes = 1;
    public const int MaxIntervalMinutes = 1440;

    public static (NewSource? Source, Dictionary<string, string[]> Errors) ValidateNew(SourceInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var url = input.Url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            errors["url"] = ["The url is required."];
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Length > 2048)
        {
            errors["url"] = ["The url must be an absolute http or https URL of at most 2,048 characters."];
        }

        var (kind, interval) = Common(input, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var name = string.IsNullOrWhiteSpace(input.Name) ? new Uri(url!).Host : input.Name.Trim();
        return (new NewSource(url!, name, kind ?? SourceKind.Auto, Clean(input.Outlet), interval ?? WebSource.DefaultPollInterval, input.Enabled ?? true), errors);
    }

    public static (SourcePatch? Patch, Dictionary<string, string[]> Errors) ValidatePatch(SourceInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Url is not null)
        {
            errors["url"] = ["The url of a source cannot change; delete it and add the new URL."];
        }

        if (input.Name is not null && string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = ["The name cannot be empty."];
        }

        var (kind, interval) = Common(input, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new SourcePatch(input.Name?.Trim(), kind, Clean(input.Outlet), interval, input.Enabled), errors);
    }

    private static (SourceKind? Kind, TimeSpan? Interval) Common(SourceInput input, Dictionary<string, string[]> errors)
    {
        SourceKind? kind = null;
        if (input.Kind is not null)
        {
            if (Enum.TryParse<SourceKind>(input.Kind, ignoreCase: true, out var parsed) && !int.TryParse(input.Kind, out _))
            {
                kind = parsed;
            }
            else
            {
                errors["kind"] = [$"Unknown kind '{input.Kind}'; use one of: {string.Join(", ", Enum.GetNames<SourceKind>().Select(n => n.ToLowerInvariant()))}."];
            }
        }

        TimeSpan? interval = null;
        if (input.PollIntervalMinutes is { } minutes)
        {
            if (minutes is < MinIntervalMinutes or > MaxIntervalMinutes)
            {
                errors["pollIntervalMinutes"] = [$"The poll interval must be between {MinIntervalMinutes} and {MaxIntervalMinutes} minutes."];
            }
            else
            {
                interval = TimeSpan.FromMinutes(minutes);
            }
        }

        if (input.Name is { Length: > 200 })
        {
            errors["name"] = ["The name is longer than 200 characters."];
        }

        if (input.Outlet is { Length: > 200 })
        {
            errors["outlet"] = ["The outlet is longer than 200 characters."];
        }

        return (kind, interval);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
