using SkiaSharp;
using StanceBoard.Dashboard.Charts;

namespace StanceBoard.Dashboard.Tests.Charts;

/// <summary>
/// A few reviewed pictures (<c>Reference/*.png</c>), compared with a tolerance rather than byte for
/// byte: at most 1 % of pixels may differ by more than 48 levels in a channel. After an intended
/// change, <c>UPDATE_REFERENCE=1 dotnet test --filter ReferenceImageTests</c> rewrites them; look
/// at them before committing.
/// </summary>
public sealed class ReferenceImageTests
{
    [Theory]
    [InlineData(ChartNames.StanceTimeline, false)]
    [InlineData(ChartNames.AuthorHeatmap, false)]
    [InlineData(ChartNames.AuthorPositions, true)]
    [InlineData(ChartNames.StanceDistribution, false)]
    public void RenderPng_Fixture_MatchesReviewedReference(string name, bool grey)
    {
        var request = new ChartRequest { Size = ChartPresets.Resolve(null, 900, 560, 96), Greyscale = grey };
        var png = ChartService.Render(name, ChartFormat.Png, ChartFixtures.Karabakh(), request).Content;
        var path = Path.Combine(RepositoryPaths.Root, "tests", "StanceBoard.Dashboard.Tests", "Charts", "Reference", $"{name}{(grey ? ".grey" : string.Empty)}.png");
        if (Environment.GetEnvironmentVariable("UPDATE_REFERENCE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, png);
        }

        File.Exists(path).ShouldBeTrue($"reference image {path} (UPDATE_REFERENCE=1 writes it)");
        using var expected = SKBitmap.Decode(path);
        using var actual = SKBitmap.Decode(png);
        actual.Width.ShouldBe(expected.Width);
        actual.Height.ShouldBe(expected.Height);
        var differing = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                var a = actual.GetPixel(x, y);
                var e = expected.GetPixel(x, y);
                if (Math.Abs(a.Red - e.Red) > 48 || Math.Abs(a.Green - e.Green) > 48 || Math.Abs(a.Blue - e.Blue) > 48)
                {
                    differing++;
                }
            }
        }

        ((double)differing / (actual.Width * actual.Height)).ShouldBeLessThan(0.01, $"{differing} pixels differ from {path}");
    }
}
