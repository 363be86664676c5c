using StanceBoard.Dashboard.Charts;
using StanceBoard.Dashboard.Charts.Spec;

namespace StanceBoard.Dashboard.Tests.Charts;

public sealed class ChartSizeTests
{
    [Theory]
    [InlineData(8001, 600, 96, "width")]
    [InlineData(800, 99, 96, "height")]
    [InlineData(8000, 8000, 96, "width")] // 64 Mpx > 40 Mpx
    [InlineData(800, 600, 49, "dpi")]
    [InlineData(800, 600, 1201, "dpi")]
    [InlineData(300, 200, 1200, "height")] // too few pixels for the text at that dpi
    public void Resolve_OutOfBounds_ThrowsNamingParameter(int width, int height, int dpi, string parameter)
    {
        Should.Throw<ChartParameterException>(() => ChartPresets.Resolve(null, width, height, dpi)).Parameter.ShouldBe(parameter);
    }

    [Fact]
    public void Resolve_UnknownPreset_ThrowsNamingPreset()
    {
        var e = Should.Throw<ChartParameterException>(() => ChartPresets.Resolve("poster", null, null, null));

        e.Parameter.ShouldBe("preset");
        e.Message.ShouldContain("print-single");
    }

    [Fact]
    public void Resolve_PresetWithWidth_KeepsAspectAndDpi()
    {
        var size = ChartPresets.Resolve("slide", 1280, null, null);

        size.HeightPx.ShouldBe(720);
        size.Dpi.ShouldBe(ChartPresets.Slide.Dpi);
        size.FontPt.ShouldBe(ChartPresets.Slide.FontPt);
    }

    [Theory]
    [InlineData("print-double", 150, 1050)]
    [InlineData("print-double", 600, 4200)]
    [InlineData("print-single", 300, 1050)]
    public void Resolve_PresetWithDpi_KeepsThePhysicalSize(string preset, int dpi, int expectedWidth)
    {
        var size = ChartPresets.Resolve(preset, null, null, dpi);

        size.WidthPx.ShouldBe(expectedWidth);
        size.Dpi.ShouldBe(dpi);
        size.WidthInches.ShouldBe(ChartPresets.Resolve(preset, null, null, null).WidthInches, 0.01);
    }

    [Fact]
    public void Presets_PhysicalSizes_MatchTheirNames()
    {
        ChartPresets.PrintSingleColumn.WidthInches.ShouldBe(3.5);
        ChartPresets.PrintDoubleColumn.WidthInches.ShouldBe(7);
        ((double)ChartPresets.Slide.WidthPx / ChartPresets.Slide.HeightPx).ShouldBe(16.0 / 9, 1e-9);
        foreach (var name in ChartPresets.Names)
        {
            ChartPresets.TryGet(name, out var size).ShouldBeTrue();
            Should.NotThrow(size.Validate);
        }
    }

    [Fact]
    public void Validate_LongTitle_ThrowsNamingTitle()
    {
        var request = new ChartRequest { Title = new string('x', ChartRequest.MaxTextLength + 1) };

        Should.Throw<ChartParameterException>(request.Validate).Parameter.ShouldBe("title");
    }

    [Fact]
    public void Render_UnknownChart_ThrowsNamingName()
    {
        Should.Throw<ChartParameterException>(() => ChartService.RenderSvg("pie", [], new ChartRequest())).Parameter.ShouldBe("name");
    }
}
