namespace StanceBoard.Benchmarks.OldEngine;

/// <summary>An exported chart: its bytes, content type, a download file name and a strong ETag.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">The media type (<c>image/svg+xml</c>, <c>image/png</c>, <c>application/pdf</c>, <c>text/csv</c>).</param>
/// <param name="FileName">A file name for Content-Disposition, e.g. <c>stance-timeline_2020-09-01_2020-11-30.png</c>.</param>
/// <param name="ETag">A quoted strong ETag derived from the chart's SVG or CSV and the output size, so it is stable even where the PDF's timestamp is not.</param>
internal sealed record ChartFile(byte[] Content, string ContentType, string FileName, string ETag);
