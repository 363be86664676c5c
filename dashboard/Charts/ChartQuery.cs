using System.Globalization;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Charts;

/// <summary>
/// Turns the text parameters of <c>GET /api/charts/…</c> and the <c>chart</c> verb into a
/// <see cref="ChartRequest"/>, collecting one message per bad parameter (named as in the URL:
/// width, height, dpi, preset, grey, from, to, authors, outlets, targets, bin, title, subtitle,
/// caption, source).
/// </summary>
public static class ChartQuery
{
    /// <summary>The most names a list parameter (authors, outlets, targets) may hold.</summary>
    public const int MaxListItems = 100;

    /// <summary>The longest name in a list parameter.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The parameter names understood, for help texts and OpenAPI.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
        ["width", "height", "dpi", "preset", "grey", "from", "to", "authors", "outlets", "targets", "bin", "title", "subtitle", "caption", "source"];

    /// <summary>Parses the parameters; <paramref name="value"/> returns a parameter's raw text or <see langword="null"/>.</summary>
    /// <returns>The request, or <see langword="null"/> with the errors by parameter name.</returns>
    public static (ChartRequest? Request, Dictionary<string, string[]> Errors) Parse(Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var width = Int(value("width"), "width", errors);
        var height = Int(value("height"), "height", errors);
        var dpi = Int(value("dpi"), "dpi", errors);
        var grey = Bool(value("grey"), "grey", errors);
        var from = Date(value("from"), "from", errors);
        var to = Date(value("to"), "to", errors);
        var authors = List(value("authors"), "authors", errors);
        var outlets = List(value("outlets"), "outlets", errors);
        var targets = List(value("targets"), "targets", errors);
        TimeBin? bin = null;
        if (value("bin") is { Length: > 0 } binText)
        {
            if (TimeBins.TryParse(binText, out var parsed))
            {
                bin = parsed;
            }
            else
            {
                errors["bin"] = [$"'{Clip(binText)}' is not a bin; use day, week or month."];
            }
        }

        ChartSize? size = null;
        if (errors.Count == 0 || !errors.Keys.Any(k => k is "width" or "height" or "dpi"))
        {
            try
            {
                size = ChartPresets.Resolve(value("preset"), width, height, dpi);
            }
            catch (ChartParameterException e)
            {
                errors[e.Parameter] = [e.Message];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var request = new ChartRequest
        {
            Filter = new StanceFilter { From = from, To = to, Authors = authors, Outlets = outlets, Targets = targets },
            Bin = bin,
            Title = Text(value("title")),
            Subtitle = Text(value("subtitle")),
            Caption = Text(value("caption")),
            SourceNote = Text(value("source")) ?? new ChartRequest().SourceNote,
            Size = size!,
            Greyscale = grey ?? false,
        };
        try
        {
            request.Validate();
        }
        catch (ChartParameterException e)
        {
            errors[e.Parameter] = [e.Message];
            return (null, errors);
        }

        return (request, errors);
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static int? Int(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors[name] = [$"'{Clip(text)}' is not a whole number."];
        return null;
    }

    private static bool? Bool(string? text, string name, Dictionary<string, string[]> errors)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "":
                return null;
            case "1" or "TRUE" or "YES" or "ON":
                return true;
            case "0" or "FALSE" or "NO" or "OFF":
                return false;
            default:
                errors[name] = [$"'{Clip(text)}' is not true or false."];
                return null;
        }
    }

    private static DateOnly? Date(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        DateOnly? parsed = null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            parsed = day;
        }
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            parsed = DateOnly.FromDateTime(instant.UtcDateTime);
        }

        if (parsed is { } value)
        {
            if (FilterDates.Contains(value))
            {
                return value;
            }

            errors[name] = [FilterDates.OutOfRange(text.Trim())];
            return null;
        }

        errors[name] = [$"'{Clip(text)}' is not a date such as 2020-10-01 (UTC)."];
        return null;
    }

    private static IReadOnlyList<string> List(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length > MaxListItems)
        {
            errors[name] = [$"At most {MaxListItems} names; got {items.Length}."];
            return [];
        }

        if (items.FirstOrDefault(i => i.Length > MaxNameLength) is { } tooLong)
        {
            errors[name] = [$"Names are at most {MaxNameLength} characters; '{Clip(tooLong)}' is longer."];
            return [];
        }

        return items.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "\u2026" : text;
}
