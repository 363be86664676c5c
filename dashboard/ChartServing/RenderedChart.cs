namespace StanceBoard.Dashboard.ChartServing;

/// <summary>A chart file as served, with the state of the data it was drawn from.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">The download name.</param>
/// <param name="ETag">The strong ETag (from the SVG or CSV, format and size).</param>
/// <param name="Stamp">The state of the store it shows.</param>
internal sealed record RenderedChart(byte[] Content, string ContentType, string FileName, string ETag, DataStamp Stamp);
