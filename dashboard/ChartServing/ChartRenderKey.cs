using System.Globalization;
using System.Text;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>
/// Canonical cache keys. <see cref="ForFilter"/> is what determines the data (observations and
/// their aggregations are shared by every chart with that filter, whatever its title, size or
/// format); <see cref="ForOutput"/> is everything that determines a file. Texts are
/// length-prefixed, so no value can fake a separator. A test checks that every property of
/// <see cref="ChartRequest"/> is part of the output key.
/// </summary>
internal static class ChartRenderKey
{
    public static string ForFilter(StanceFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var key = new StringBuilder();
        key.Append(Day(filter.From)).Append('|').Append(Day(filter.To));
        AppendList(key, filter.Targets);
        AppendList(key, filter.Authors);
        AppendList(key, filter.Outlets);
        return key.ToString();
    }

    public static string ForOutput(string name, ChartFormat format, ChartRequest request)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(request);
        var size = request.Size;
        var aggregation = request.Aggregation;
        var key = new StringBuilder(name).Append('|').Append(format).Append('|').Append(ForFilter(request.Filter));
        key.Append(CultureInfo.InvariantCulture, $"|{request.Bin}|{size.WidthPx}x{size.HeightPx}@{size.Dpi}/{size.FontPt:R}|{request.Greyscale}");
        key.Append(CultureInfo.InvariantCulture, $"|{aggregation.Bin}/{aggregation.ThinThreshold}/{aggregation.IntervalLevel:R}/{aggregation.PriorStrength:R}");
        AppendText(key, request.Title);
        AppendText(key, request.Subtitle);
        AppendText(key, request.Caption);
        AppendText(key, request.SourceNote);
        return key.ToString();
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static void AppendList(StringBuilder key, IReadOnlyList<string> names)
    {
        key.Append('|').Append(names.Count);
        foreach (var name in names)
        {
            AppendText(key, name);
        }
    }

    private static void AppendText(StringBuilder key, string? text)
    {
        if (text is null)
        {
            key.Append("|~");
            return;
        }

        key.Append('|').Append(text.Length).Append(':').Append(text);
    }
}
