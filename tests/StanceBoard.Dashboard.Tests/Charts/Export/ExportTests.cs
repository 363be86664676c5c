using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Tests.Charts.Export;

public sealed partial class ExportTests
{
    [Theory]
    [InlineData(640, 480, 150)]
    [InlineData(1800, 1200, 96)]
    [InlineData(1051, 701, 300)]
    public void RenderPng_RequestedSize_HasExactPixelsAndDpi(int width, int height, int dpi)
    {
        var request = new ChartRequest { Size = ChartPresets.Resolve(null, width, height, dpi) };

        var file = ChartService.Render(ChartNames.StanceTimeline, ChartFormat.Png, ChartFixtures.Karabakh(), request);

        var png = PngInfo.Read(file.Content);
        png.Width.ShouldBe(width);
        png.Height.ShouldBe(height);
        png.Dpi.ShouldBe(dpi);
        png.ColourType.ShouldBe(2);
        png.Chunks.ShouldContain("pHYs");
        png.Chunks.ToList().IndexOf("pHYs").ShouldBeLessThan(png.Chunks.ToList().IndexOf("IDAT"));
        file.ContentType.ShouldBe("image/png");
        file.FileName.ShouldBe("stance-timeline.png");
    }

    [Fact]
    public void RenderPng_Greyscale_WritesGreyPng()
    {
        var file = ChartService.Render(ChartNames.AuthorHeatmap, ChartFormat.Png, ChartFixtures.Karabakh(), new ChartRequest { Greyscale = true });

        PngInfo.Read(file.Content).ColourType.ShouldBe(0);
    }

    [Theory]
    [InlineData("print-single", 252, 252)]
    [InlineData("print-double", 504, 324)]
    [InlineData("slide", 960, 540)]
    public void RenderPdf_Preset_HasPhysicalPageSizeAndEmbeddedFonts(string preset, double widthPt, double heightPt)
    {
        ChartPresets.TryGet(preset, out var size).ShouldBeTrue();

        var file = ChartService.Render(ChartNames.AuthorPositions, ChartFormat.Pdf, ChartFixtures.Karabakh(), new ChartRequest { Size = size });

        var pdf = Encoding.Latin1.GetString(file.Content);
        pdf.ShouldStartWith("%PDF-");
        var box = MediaBox().Match(pdf);
        box.Success.ShouldBeTrue("the PDF has a MediaBox");
        double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture).ShouldBe(widthPt, 0.01);
        double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture).ShouldBe(heightPt, 0.01);
        pdf.ShouldContain("/FontFile");
        pdf.ShouldContain("DejaVuSans");
        file.ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public void RenderPdf_Text_IsVectorNotAnImage()
    {
        var file = ChartService.Render(ChartNames.StanceDistribution, ChartFormat.Pdf, ChartFixtures.Karabakh(), new ChartRequest());

        var pdf = Encoding.Latin1.GetString(file.Content);
        pdf.ShouldNotContain("/Subtype /Image");
        pdf.ShouldContain("/Type /Font");
    }

    [Fact]
    public void Render_ParallelPngs_AreIdenticalToSequential()
    {
        var observations = ChartFixtures.Karabakh();
        var request = new ChartRequest { Size = ChartPresets.Resolve(null, 600, 400, 96) };
        var expected = ChartNames.All.ToDictionary(n => n, n => ChartService.Render(n, ChartFormat.Png, observations, request).Content);

        var results = new System.Collections.Concurrent.ConcurrentBag<(string Name, byte[] Png)>();
        Parallel.For(0, 10, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var name = ChartNames.All[i % ChartNames.All.Count];
            results.Add((name, ChartService.Render(name, ChartFormat.Png, observations, request).Content));
        });

        foreach (var (name, png) in results)
        {
            png.ShouldBe(expected[name], name);
        }
    }

    [Fact]
    public void Render_Csv_HasAggregatesAndEscapesFormulas()
    {
        var observations = ChartFixtures.Karabakh().Append(new Analysis.Aggregation.StanceObservation(
            77, DateTimeOffset.Parse("2020-10-02T00:00:00Z", CultureInfo.InvariantCulture), "=HYPERLINK(\"x\",\"y\")", "O", "Russia", Analysis.Model.Stance.None, 0, "v1"));

        var file = ChartService.Render(ChartNames.AuthorHeatmap, ChartFormat.Csv, observations, new ChartRequest());

        var lines = Encoding.UTF8.GetString(file.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("target,author,bin,bin_start,bin_end,n,mean,estimate,lower,upper,favor,against,none,thin,model_versions");
        lines.ShouldContain(l => l.StartsWith("Russia,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("Turkey,Mara Ellison,", StringComparison.Ordinal));
        file.ContentType.ShouldBe("text/csv; charset=utf-8");
    }

    [Fact]
    public void Render_FileNameAndETag_FollowRequest()
    {
        var request = new ChartRequest { Filter = new Analysis.Aggregation.StanceFilter { From = new DateOnly(2020, 9, 1), To = new DateOnly(2020, 11, 30) } };

        var svg = ChartService.Render(ChartNames.StanceTimeline, ChartFormat.Svg, ChartFixtures.Karabakh(), request);
        var again = ChartService.Render(ChartNames.StanceTimeline, ChartFormat.Svg, ChartFixtures.Karabakh(), request);
        var png = ChartService.Render(ChartNames.StanceTimeline, ChartFormat.Png, ChartFixtures.Karabakh(), request);

        svg.FileName.ShouldBe("stance-timeline_2020-09-01_2020-11-30.svg");
        svg.ETag.ShouldBe(again.ETag);
        svg.ETag.ShouldStartWith("\"");
        png.ETag.ShouldNotBe(svg.ETag);
    }

    [GeneratedRegex(@"/MediaBox \[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]")]
    private static partial Regex MediaBox();
}
