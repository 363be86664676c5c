using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts;

namespace StanceBoard.Dashboard.Tests.Charts;

/// <summary>
/// Every chart's SVG against a committed golden file (Charts/Golden). After a deliberate change,
/// regenerate with <c>UPDATE_GOLDEN=1 dotnet test tests/StanceBoard.Dashboard.Tests --filter GoldenFileTests</c>
/// and review the diff (and the PNGs from <see cref="ChartGalleryTests"/>) before committing.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in ChartNames.All)
        {
            data.Add(name, "screen");
        }

        data.Add(ChartNames.StanceTimeline, "print-single");
        data.Add(ChartNames.AuthorHeatmap, "grey");
        data.Add(ChartNames.AuthorPositions, "one-target");
        data.Add(ChartNames.StanceTimeline, "empty");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderSvg_Fixture_MatchesGoldenFile(string name, string variant)
    {
        var request = variant switch
        {
            "print-single" => new ChartRequest { Size = ChartPresets.PrintSingleColumn },
            "grey" => new ChartRequest { Greyscale = true },
            "one-target" => new ChartRequest { Filter = new StanceFilter { Targets = ["Turkey"] } },
            "empty" => new ChartRequest { Filter = new StanceFilter { Targets = ["Iran"], From = new DateOnly(2020, 9, 1), To = new DateOnly(2020, 11, 30) } },
            _ => new ChartRequest(),
        };

        var svg = ChartService.RenderSvg(name, ChartFixtures.Karabakh(), request);

        var path = RepositoryPaths.Combine("tests", "StanceBoard.Dashboard.Tests", "Charts", "Golden", $"{name}.{variant}.svg");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, svg);
        }

        File.Exists(path).ShouldBeTrue($"Golden file {path} is missing; create it with UPDATE_GOLDEN=1.");
        svg.ShouldBe(File.ReadAllText(path), $"SVG differs from {path}; if the change is intended, regenerate with UPDATE_GOLDEN=1 and review.");
    }

    [Fact]
    public void RenderSvg_SameInputTwice_IsByteIdentical()
    {
        var observations = ChartFixtures.Karabakh();
        var shuffled = observations.Reverse().ToList();

        foreach (var name in ChartNames.All)
        {
            ChartService.RenderSvg(name, shuffled, new ChartRequest()).ShouldBe(ChartService.RenderSvg(name, observations, new ChartRequest()));
        }
    }
}
