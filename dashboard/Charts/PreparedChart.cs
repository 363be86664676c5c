using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Charts.Figure;

namespace StanceBoard.Dashboard.Charts;

/// <summary>
/// A chart whose ScottPlot figure and SVG (or CSV) are built and whose ETag is known, but which is
/// not yet rasterised: a server can answer 304 Not Modified without paying for PNG or PDF.
/// </summary>
public sealed class PreparedChart
{
    private readonly byte[] _source;
    private readonly ChartFigure _figure;

    internal PreparedChart(ChartFormat format, string fileName, string eTag, byte[] source, ChartFigure figure)
    {
        Format = format;
        FileName = fileName;
        ETag = eTag;
        _source = source;
        _figure = figure;
    }

    /// <summary>The output format.</summary>
    public ChartFormat Format { get; }

    /// <summary>A download file name, e.g. <c>stance-timeline_2020-09-01_2020-11-30.png</c>.</summary>
    public string FileName { get; }

    /// <summary>A quoted strong ETag from the chart's SVG (or CSV), format and size.</summary>
    public string ETag { get; }

    /// <summary>The media type of <see cref="Render"/>'s bytes.</summary>
    public string ContentType => Format switch
    {
        ChartFormat.Png => "image/png",
        ChartFormat.Pdf => "application/pdf",
        ChartFormat.Csv => "text/csv; charset=utf-8",
        _ => "image/svg+xml",
    };

    /// <summary>Produces the file's bytes (rasterising for PNG and PDF).</summary>
    /// <exception cref="ChartExportException">SkiaSharp could not make the image or document.</exception>
    public byte[] Render() => Format switch
    {
        ChartFormat.Png => PngExport.Render(_figure),
        ChartFormat.Pdf => PdfExport.Render(_figure),
        _ => _source,
    };

    /// <summary>Renders into a <see cref="ChartFile"/>.</summary>
    public ChartFile ToFile() => new(Render(), ContentType, FileName, ETag);
}
