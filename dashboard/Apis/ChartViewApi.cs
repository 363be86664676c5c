using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.ChartServing;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// <c>GET /api/charts/{name}/view?…</c>: what the page shows of a chart, in one response (one
/// render): the SVG and, beside it, its linked marks (heatmap cells, position bars) with their
/// rectangles in the SVG's units, the same payload as the hub's <c>chartUpdated</c>. Same
/// parameters, limits and errors as <c>/api/charts/{name}.svg</c>, served the same way (cached per
/// state of the data, the bounded render queue, the anonymous rate limit).
/// </summary>
public static class ChartViewApi
{
    public static IEndpointRouteBuilder MapChartViewApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/charts").WithTags("Charts")
            .MapGet("/{name}/view", GetAsync)
            .WithSummary("A chart's SVG with its linked marks (pixel rectangles in SVG units), as the dashboard page shows it")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(ChartRateLimiting.AnonymousCharts);
        return app;
    }

    internal static async Task<Results<Ok<ChartView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string name, HttpContext http, ChartProducer producer, CancellationToken cancellationToken)
    {
        if (!ChartNames.IsKnown(name))
        {
            return TypedResults.Problem(
                detail: $"There is no chart '{(name.Length > 40 ? name[..40] + "\u2026" : name)}'. Charts: {string.Join(", ", ChartNames.All)}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown chart");
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
            chart = await producer.GetViewAsync(name, request, gated: true, cancellationToken);
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

        if (chart?.View is not { } view)
        {
            return TypedResults.Problem(
                detail: $"More than {ChartsApi.MaxObservations:N0} scores match; narrow the chart with from, to, targets, authors or outlets.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Too much data for one chart");
        }

        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(view);
    }
}
