using Microsoft.AspNetCore.Http.HttpResults;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Storage;

namespace StanceBoard.Dashboard.Apis;

/// <summary>
/// <c>GET /api/charts/{name}/view?…</c>: what the page shows of a chart, in one response (one
/// render): the SVG and, beside it, its linked marks (heatmap cells, position bars) with their
/// rectangles in the SVG's units, the same payload as the hub's <c>chartUpdated</c>. Same
/// parameters, limits and errors as <c>/api/charts/{name}.svg</c>.
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
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    internal static async Task<Results<Ok<ChartView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string name, HttpContext http, IStanceStore store, CancellationToken cancellationToken)
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

        var observations = await store.ListObservationsAsync(request.Filter, ChartsApi.MaxObservations, cancellationToken);
        if (observations.Count > ChartsApi.MaxObservations)
        {
            return TypedResults.Problem(
                detail: $"More than {ChartsApi.MaxObservations:N0} scores match; narrow the chart with from, to, targets, authors or outlets.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Too much data for one chart");
        }

        try
        {
            http.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Ok(ChartService.RenderView(name, observations, request));
        }
        catch (ChartParameterException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Parameter] = [e.Message] });
        }
    }
}
