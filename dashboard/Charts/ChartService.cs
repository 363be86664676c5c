using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts.Builders;
using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Charts.Figure;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Charts;

/// <summary>
/// The charts' entry point: builds a named chart from observations as a ScottPlot figure and
/// exports it as SVG, PNG, PDF or CSV. Stateless and thread-safe.
/// </summary>
public static class ChartService
{
    /// <summary>Renders the chart's SVG (what the dashboard shows).</summary>
    /// <exception cref="ChartParameterException">The name or a request parameter is invalid.</exception>
    public static string RenderSvg(string name, IEnumerable<StanceObservation> observations, ChartRequest request) =>
        RenderView(name, observations, request).Svg;

    /// <summary>Renders the chart's SVG and, beside it, the rectangles of its linked marks (heatmap cells, position bars) measured after the render.</summary>
    /// <exception cref="ChartParameterException">The name or a request parameter is invalid.</exception>
    public static ChartView RenderView(string name, IEnumerable<StanceObservation> observations, ChartRequest request)
    {
        var figure = BuildFigure(name, observations, request);
        var (svg, drawn) = SvgExport.Render(figure);
        return new ChartView(svg, drawn.Marks, Math.Round(figure.Size.LayoutWidth, 2), Math.Round(figure.Size.LayoutHeight, 2));
    }

    /// <summary>Renders and exports a chart.</summary>
    /// <exception cref="ChartParameterException">The name or a request parameter is invalid.</exception>
    /// <exception cref="ChartExportException">SkiaSharp could not make the PNG or PDF.</exception>
    public static ChartFile Render(string name, ChartFormat format, IEnumerable<StanceObservation> observations, ChartRequest request) =>
        Prepare(name, format, observations, request).ToFile();

    /// <summary>Builds the chart's SVG (or CSV) and ETag; <see cref="PreparedChart.Render"/> makes the file.</summary>
    /// <exception cref="ChartParameterException">The name or a request parameter is invalid.</exception>
    public static PreparedChart Prepare(string name, ChartFormat format, IEnumerable<StanceObservation> observations, ChartRequest request)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ChartParameterException("format", $"Unknown format '{format}'; use svg, png, pdf or csv.");
        }

        var figure = BuildFigure(name, observations, request);
        var fileName = FileName(name, request, format);
        if (format == ChartFormat.Csv)
        {
            var csv = CsvExporter.Export(figure.Data);
            return new PreparedChart(format, fileName, ETag(csv, format, figure.Size), csv, figure);
        }

        // The ETag comes from the SVG (the same drawing as PNG and PDF) and the size, so a 304 costs no rasterising.
        var bytes = Encoding.UTF8.GetBytes(SvgExport.Render(figure).Svg);
        return new PreparedChart(format, fileName, ETag(bytes, format, figure.Size), bytes, figure);
    }

    /// <summary>Parses <c>svg</c>, <c>png</c>, <c>pdf</c> or <c>csv</c> (case-insensitive).</summary>
    public static bool TryParseFormat(string? text, out ChartFormat format)
    {
        format = ChartFormat.Svg;
        switch (text?.Trim().ToUpperInvariant())
        {
            case "SVG":
                return true;
            case "PNG":
                format = ChartFormat.Png;
                return true;
            case "PDF":
                format = ChartFormat.Pdf;
                return true;
            case "CSV":
                format = ChartFormat.Csv;
                return true;
            default:
                return false;
        }
    }

    internal static ChartFigure BuildFigure(string name, IEnumerable<StanceObservation> observations, ChartRequest request)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(request);
        if (!ChartNames.IsKnown(name))
        {
            throw new ChartParameterException("name", $"Unknown chart '{name}'; use one of {string.Join(", ", ChartNames.All)}.");
        }

        request.Validate();
        return ChartBuilders.Get(name).Build(new ChartInputs(observations, request));
    }

    private static string FileName(string name, ChartRequest request, ChartFormat format)
    {
        var range = (request.Filter.From, request.Filter.To) switch
        {
            ({ } f, { } t) => string.Create(CultureInfo.InvariantCulture, $"_{f:yyyy-MM-dd}_{t:yyyy-MM-dd}"),
            ({ } f, null) => string.Create(CultureInfo.InvariantCulture, $"_from_{f:yyyy-MM-dd}"),
            (null, { } t) => string.Create(CultureInfo.InvariantCulture, $"_to_{t:yyyy-MM-dd}"),
            _ => string.Empty,
        };
        return name + range + "." + format.ToString().ToLowerInvariant();
    }

    private static string ETag(byte[] content, ChartFormat format, ChartSize size)
    {
        var suffix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"|{format}|{size.WidthPx}x{size.HeightPx}@{size.Dpi}|{size.FontPt}"));
        var hash = SHA256.HashData([.. content, .. suffix]);
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
    }
}
