using Microsoft.AspNetCore.WebUtilities;
using StanceBoard.Dashboard.ChartServing;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>
/// A live chart as a page subscribes to it: <c>name?query</c>, the same name and parameters as
/// <c>GET /api/charts/{name}.svg?query</c>. The key string, exactly as the client sent it, is
/// the hub group and comes back in <c>chartUpdated</c>. What is rendered is canonical: the SVG
/// scales through its viewBox, so the size is snapped to one of <see cref="LiveWidths"/> and a
/// height/width ratio in hundredths, and parameter order, spelling and defaults do not matter;
/// keys that differ only so share one render (<see cref="RenderKey"/>). Custom texts (title,
/// subtitle, caption, source) are for downloads and are refused here.
/// </summary>
public sealed record ChartKey(string Key, string Name, ChartRequest Request)
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>The widths live charts are drawn at (fonts sized for each); any other is snapped to the nearest.</summary>
    public static IReadOnlyList<int> LiveWidths { get; } = [480, 720, 960, 1200];

    private static readonly string[] TextParameters = ["title", "subtitle", "caption", "source"];

    /// <summary>The canonical render: every key with the same render key gets the same SVG from one render.</summary>
    public string RenderKey { get; } = ChartRenderKey.ForOutput(Name, ChartFormat.Svg, Request);

    /// <summary>Parses a key; the error names what is wrong.</summary>
    public static bool TryParse(string? key, out ChartKey? chart, out string? error)
    {
        chart = null;
        error = null;
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxLength)
        {
            error = $"A chart key is 'name?query' of at most {MaxLength} characters.";
            return false;
        }

        var question = key.IndexOf('?', StringComparison.Ordinal);
        var name = question < 0 ? key : key[..question];
        if (!ChartNames.IsKnown(name))
        {
            error = $"There is no chart '{(name.Length > 40 ? name[..40] : name)}'. Charts: {string.Join(", ", ChartNames.All)}.";
            return false;
        }

        var query = QueryHelpers.ParseQuery(question < 0 ? string.Empty : key[question..]);
        var (request, errors) = ChartQuery.Parse(p => query.TryGetValue(p, out var v) ? v.ToString() : null);
        if (request is null)
        {
            error = "Invalid chart parameters: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            return false;
        }

        if (TextParameters.Where(p => query.TryGetValue(p, out var v) && !string.IsNullOrWhiteSpace(v)).ToArray() is { Length: > 0 } texts)
        {
            error = $"Live charts take no {string.Join(", ", texts)}: custom texts are for downloads (GET /api/charts/{name}.svg); subscribe without them.";
            return false;
        }

        try
        {
            chart = new ChartKey(key, name, request with { Size = LiveSize(request.Size) });
        }
        catch (ChartParameterException e)
        {
            error = $"Invalid chart parameters: {e.Parameter}: {e.Message}";
            return false;
        }

        return true;
    }

    /// <summary>The canonical live size for a requested one: the nearest live width, the ratio in hundredths, screen dpi.</summary>
    /// <exception cref="ChartParameterException">The ratio gives a size the charts cannot be drawn at.</exception>
    public static ChartSize LiveSize(ChartSize requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var width = LiveWidths.MinBy(w => Math.Abs(w - requested.WidthPx));
        var ratio = Math.Round((double)requested.HeightPx / requested.WidthPx, 2, MidpointRounding.AwayFromZero);
        var height = (int)Math.Round(width * ratio, MidpointRounding.AwayFromZero);
        return ChartPresets.Resolve(null, width, height, null);
    }

    /// <summary>The SignalR group of this key's subscribers.</summary>
    public string Group => GroupOf(Key);

    /// <summary>The SignalR group of a key's subscribers.</summary>
    public static string GroupOf(string key) => "chart:" + key;
}
