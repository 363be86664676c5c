using StanceBoard.Analysis.Aggregation;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Tests.Charts;

/// <summary>
/// Renders every chart in every preset (and greyscale) to PNG, checks each file, and leaves them
/// in a folder for a person to look at: <c>STANCEBOARD_CHART_GALLERY=/some/dir</c>, otherwise a temp folder.
/// </summary>
public sealed class ChartGalleryTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in ChartNames.All)
        {
            foreach (var preset in ChartPresets.Names)
            {
                data.Add(name, preset);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("one-target")]
    [InlineData("dense")]
    public void Render_SpecialCases_WritesPng(string variant)
    {
        var (name, observations, request) = variant switch
        {
            "empty" => (ChartNames.StanceTimeline, ChartFixtures.Karabakh(), new ChartRequest { Filter = new StanceFilter { Targets = ["Iran"] } }),
            "one-target" => (ChartNames.AuthorPositions, ChartFixtures.Karabakh(), new ChartRequest { Filter = new StanceFilter { Targets = ["Turkey"] } }),
            _ => (ChartNames.StanceTimeline, ChartFixtures.Dense(10_000), new ChartRequest { Bin = TimeBin.Day, Size = ChartPresets.Resolve(null, 1800, 1200, 96) }),
        };

        var file = ChartService.Render(name, ChartFormat.Png, observations, request);

        PngInfo.Read(file.Content).Width.ShouldBe(request.Size.WidthPx);
        File.WriteAllBytes(Path.Combine(Folder(), $"{name}.{variant}.png"), file.Content);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_EveryChartAndPreset_WritesPngOfPresetSize(string name, string preset)
    {
        ChartPresets.TryGet(preset, out var size).ShouldBeTrue();
        var folder = Folder();
        foreach (var grey in new[] { false, true })
        {
            var request = new ChartRequest { Size = size, Greyscale = grey };
            var file = ChartService.Render(name, ChartFormat.Png, ChartFixtures.Karabakh(), request);

            var png = PngInfo.Read(file.Content);
            png.Width.ShouldBe(size.WidthPx);
            png.Height.ShouldBe(size.HeightPx);
            png.Dpi.ShouldBe(size.Dpi);
            File.WriteAllBytes(Path.Combine(folder, $"{name}.{preset}{(grey ? ".grey" : string.Empty)}.png"), file.Content);
        }
    }

    private static string Folder()
    {
        var folder = Environment.GetEnvironmentVariable("STANCEBOARD_CHART_GALLERY") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "stanceboard-gallery");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
