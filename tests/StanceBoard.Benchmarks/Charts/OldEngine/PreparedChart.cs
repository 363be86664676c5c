using StanceBoard.Benchmarks.OldEngine.Export;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine;

/// <summary>
/// A chart whose SVG (or CSV) is built and whose ETag is known, but which is not yet
/// rasterised: a server can answer 304 Not Modified without paying for PNG or PDF.
/// </summary>
internal sealed class PreparedChart
{
    private readonly ChartSize _size;
    private readonly string _title;
    private readonly bool _grey;
    private readonly byte[] _source;
    private readonly string _svg;

    internal PreparedChart(ChartFormat format, string fileName, string eTag, byte[] source, string svg, ChartSize size, string title, bool grey)
    {
        Format = format;
        FileName = fileName;
        ETag = eTag;
        _source = source;
        _svg = svg;
        _size = size;
        _title = title;
        _grey = grey;
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
    /// <exception cref="ChartExportException">librsvg, cairo or the font is missing, or rendering failed.</exception>
    public byte[] Render() => Format switch
    {
        ChartFormat.Png => SvgRasterizer.RenderPng(_svg, _size, _title, _grey),
        ChartFormat.Pdf => SvgRasterizer.RenderPdf(_svg, _size, _title),
        _ => _source,
    };

    /// <summary>Renders into a <see cref="ChartFile"/>.</summary>
    public ChartFile ToFile() => new(Render(), ContentType, FileName, ETag);
}
