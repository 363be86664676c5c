using StanceBoard.Dashboard.Charts;

namespace StanceBoard.Dashboard.ChartServing;

/// <summary>A chart as served, with the state of the data it was drawn from: a file, or the page's view (SVG and linked marks).</summary>
/// <param name="Content">The file's bytes (empty for a view).</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">The download name.</param>
/// <param name="ETag">The strong ETag (from the SVG or CSV, format and size; for a view, from its SVG).</param>
/// <param name="Stamp">The state of the store it shows.</param>
/// <param name="View">For a view: the SVG and its marks, as <c>GET /api/charts/{name}/view</c> and <c>chartUpdated</c> carry them.</param>
internal sealed record RenderedChart(byte[] Content, string ContentType, string FileName, string ETag, DataStamp Stamp, ChartView? View = null)
{
    /// <summary>About how much memory it holds, for the cache's budget.</summary>
    public long Bytes => Content.LongLength + ((View?.Svg.Length ?? 0) * 2L) + ((View?.Marks.Count ?? 0) * 128L);
}
