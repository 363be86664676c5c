using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Export;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// <c>/api/charts</c>: the chart catalogue, and each chart as SVG, PNG, PDF or CSV
/// (<c>/api/charts/stance-timeline.png?preset=print-single&amp;from=2020-09-01</c>).
/// Responses carry a strong ETag (answering If-None-Match with 304 before any rasterising) and
/// short public caching; bad parameters give 400 problem+json naming them.
/// </summary>
public static class ChartsApi
{
    /// <summary>The most observations one chart may read; narrower filters are asked for beyond it.</summary>
    public const int MaxObservations = 1_000_000;

    /// <summary>How long clients may reuse a chart before revalidating, in seconds.</summary>
    public const int MaxAgeSeconds = 30;

    // PNG and PDF rendering is CPU-bound: at most one per core at a time, the rest wait.
    private static readonly SemaphoreSlim RasterGate = new(Math.Max(1, Environment.ProcessorCount));

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
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        string name, string format, HttpContext http, IStanceStore store, CancellationToken cancellationToken)
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

        var observations = await store.ListObservationsAsync(request.Filter, MaxObservations, cancellationToken);
        if (observations.Count > MaxObservations)
        {
            return TypedResults.Problem(
                detail: $"More than {MaxObservations:N0} scores match; narrow the chart with from, to, targets, authors or outlets.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Too much data for one chart");
        }

        PreparedChart chart;
        try
        {
            chart = ChartService.Prepare(name, chartFormat, observations, request);
        }
        catch (ChartParameterException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Parameter] = [e.Message] });
        }

        var headers = http.Response.Headers;
        headers.ETag = chart.ETag;
        headers.CacheControl = $"public, max-age={MaxAgeSeconds}, must-revalidate";
        if (IfNoneMatch(http.Request, chart.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        byte[] content;
        try
        {
            if (chartFormat is ChartFormat.Png or ChartFormat.Pdf)
            {
                await RasterGate.WaitAsync(cancellationToken);
                try
                {
                    content = chart.Render();
                }
                finally
                {
                    RasterGate.Release();
                }
            }
            else
            {
                content = chart.Render();
            }
        }
        catch (ChartExportException e)
        {
            return TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chart export unavailable");
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

        return TypedResults.File(content, chart.ContentType);
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
