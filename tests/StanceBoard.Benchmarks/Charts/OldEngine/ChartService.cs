using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Benchmarks.OldEngine.Builders;
using StanceBoard.Benchmarks.OldEngine.Export;
using StanceBoard.Benchmarks.OldEngine.Rendering;
using StanceBoard.Benchmarks.OldEngine.Spec;

namespace StanceBoard.Benchmarks.OldEngine;

/// <summary>
/// The charts' entry point: builds a named chart from observations and exports it as SVG,
/// PNG, PDF or CSV. Stateless and thread-safe.
/// </summary>
internal static class ChartService
{
    /// <summary>Renders the chart's SVG (what the dashboard shows).</summary>
    /// <exception cref="ChartParameterException">The name or a request parameter is invalid.</exception>
    public static string RenderSvg(string name, IEnumerable<StanceObservation> observations, ChartRequest request) =>
        ChartRenderer.Render(BuildSpec(name, observations, request));

    /// <summary>Renders and exports a chart.</summary>
    /// <exception cref="ChartParameterException">The name or a request parameter is invalid.</exception>
    /// <exception cref="ChartExportException">PNG/PDF export is unavailable (missing library or font) or failed.</exception>
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

        var spec = BuildSpec(name, observations, request);
        var fileName = FileName(name, request, format);
        if (format == ChartFormat.Csv)
        {
            var csv = CsvExporter.Export(spec.Data);
            return new PreparedChart(format, fileName, ETag(csv, format, spec.Size), csv, string.Empty, spec.Size, spec.Title, spec.Greyscale);
        }

        var svg = ChartRenderer.Render(spec);
        var bytes = Encoding.UTF8.GetBytes(svg);
        return new PreparedChart(format, fileName, ETag(bytes, format, spec.Size), bytes, svg, spec.Size, spec.Title, spec.Greyscale);
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

    internal static ChartSpec BuildSpec(string name, IEnumerable<StanceObservation> observations, ChartRequest request)
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
