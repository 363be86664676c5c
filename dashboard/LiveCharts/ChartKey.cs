using Microsoft.AspNetCore.WebUtilities;
using StanceBoard.Dashboard.Charts;

namespace StanceBoard.Dashboard.LiveCharts;

/// <summary>
/// A live chart as a page subscribes to it: <c>name?query</c>, the same name and parameters as
/// <c>GET /api/charts/{name}.svg?query</c>. The key string, exactly as the client sent it, is
/// the hub group, so updates reach every page that shows that chart with those filters.
/// </summary>
public sealed record ChartKey(string Key, string Name, ChartRequest Request)
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 2048;

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

        chart = new ChartKey(key, name, request);
        return true;
    }

    /// <summary>The SignalR group of this chart's subscribers.</summary>
    public string Group => "chart:" + Key;
}
