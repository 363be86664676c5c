using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using StanceBoard.Dashboard.ChartServing;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// <c>/api/charts</c>: the chart catalogue, and each chart as SVG, PNG, PDF or CSV
/// (<c>/api/charts/stance-timeline.png?preset=print-single&amp;from=2020-09-01</c>).
/// Responses carry a strong ETag (answering If-None-Match with 304) and short public caching; bad
/// parameters give 400 problem+json naming them. Files come through <see cref="ChartProducer"/>
/// (cached per state of the data, one render per file, a bounded render queue: 503 with
/// Retry-After beyond it); anonymous clients are rate-limited per address (429 with Retry-After).
/// </summary>
public static class ChartsApi
{
    /// <summary>The most observations one chart may read; narrower filters are asked for beyond it.</summary>
    public const int MaxObservations = ObservationCache.MaxObservations;

    /// <summary>How long clients may reuse a chart before revalidating, in seconds.</summary>
    public const int MaxAgeSeconds = 30;

    public static IEndpointRouteBuilder MapChartsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/charts").WithTags("Charts");
        group.MapGet("/", () => TypedResults.Ok(new ChartCatalogue(ChartNames.All, ["svg", "png", "pdf", "csv"], ChartPresets.Names, ChartQuery.Parameters)))
            .WithSummary("Chart names, formats, size presets and query parameters");
        group.MapGet("/{name}.{format}", GetAsync)
            .WithSummary("A chart as SVG, PNG (exact pixels, DPI in pHYs), PDF (vector, physical size) or its data as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml", additionalContentTypes: ["image/png", "application/pdf", "text/csv"])
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(ChartRateLimiting.AnonymousCharts);
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        string name, string format, HttpContext http, ChartProducer producer, CancellationToken cancellationToken)
    {
        if (!ChartNames.IsKnown(name))
        {
            return TypedResults.Problem(
                detail: $"There is no chart '{Clip(name)}'. Charts: {string.Join(", ", ChartNames.All)}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown chart");
        }

        if (!ChartService.TryParseFormat(format, out var chartFormat))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["format"] = [$"'{Clip(format)}' is not a format; use svg, png, pdf or csv."] },
                detail: "The chart's file extension is not a known format.");
        }

        var query = http.Request.Query;
        var (request, errors) = ChartQuery.Parse(key => query.TryGetValue(key, out var values) ? values.ToString() : null);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "Invalid chart parameters: " + string.Join(", ", errors.Keys) + ".");
        }

        RenderedChart? chart;
        try
        {
            chart = await producer.GetAsync(name, chartFormat, request, gated: true, cancellationToken);
        }
        catch (ChartParameterException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Parameter] = [e.Message] });
        }
        catch (RenderQueueFullException e)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many charts being drawn");
        }
        catch (ChartExportException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chart export unavailable");
        }

        if (chart is null)
        {
            return TypedResults.Problem(
                detail: $"More than {MaxObservations:N0} scores match; narrow the chart with from, to, targets, authors or outlets.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Too much data for one chart");
        }

        var headers = http.Response.Headers;
        headers.ETag = chart.ETag;
        headers.CacheControl = $"public, max-age={MaxAgeSeconds}, must-revalidate";
        if (IfNoneMatch(http.Request, chart.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var disposition = new ContentDispositionHeaderValue(chartFormat == ChartFormat.Csv ? "attachment" : "inline");
        disposition.SetHttpFileName(chart.FileName);
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        if (chartFormat == ChartFormat.Svg)
        {
            // Opened directly, an SVG is a document: let it run nothing and load nothing.
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        }

        return TypedResults.File(chart.Content, chart.ContentType);
    }

    private static bool IfNoneMatch(HttpRequest request, string eTag)
    {
        foreach (var value in request.Headers.IfNoneMatch)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || candidate == eTag || candidate == "W/" + eTag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "\u2026" : text;
}

/// <summary>What <c>GET /api/charts</c> lists.</summary>
public sealed record ChartCatalogue(IReadOnlyList<string> Charts, IReadOnlyList<string> Formats, IReadOnlyList<string> Presets, IReadOnlyList<string> Parameters);
