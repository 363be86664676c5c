using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Tests.Aggregation;

/// <summary>Builds observations for the aggregation tests.</summary>
internal static class Observations
{
    public static StanceObservation Make(
        long pieceId,
        double score,
        string target = "Russia",
        string? author = "Ann Author",
        string? outlet = "Outlet A",
        string? published = "2020-10-05",
        string model = "v1") =>
        new(
            pieceId,
            published is null ? null : DateTimeOffset.Parse(published + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            author,
            outlet,
            target,
            score > 0.2 ? Stance.Favor : score < -0.2 ? Stance.Against : Stance.None,
            score,
            model);
}
