using System.Text.Json;
using StanceBoard.Dashboard.Tests.Charts;

namespace StanceBoard.Dashboard.Tests.Cli;

/// <summary>The <c>chart</c> verb as a separate process over a fresh database.</summary>
public sealed class ChartCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stanceboard-chart-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Db => Path.Combine(_folder, "board.db");

    [Fact]
    public async Task Chart_Png_WritesFileOfRequestedSizeAndPrintsJson()
    {
        var result = await CliProcess.RunAsync(_folder, "chart", "stance-timeline", "--format", "png", "--width", "800", "--height", "500", "--dpi", "200", "--out", "t.png", "--db", Db);

        result.ExitCode.ShouldBe(0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("file").GetString().ShouldBe(Path.Combine(_folder, "t.png"));
        json.RootElement.GetProperty("content_type").GetString().ShouldBe("image/png");
        var png = PngInfo.Read(await File.ReadAllBytesAsync(Path.Combine(_folder, "t.png")));
        (png.Width, png.Height, png.Dpi).ShouldBe((800, 500, (int?)200));
    }

    [Fact]
    public async Task Chart_SvgToStdout_WritesTheDocument()
    {
        var result = await CliProcess.RunAsync(_folder, "chart", "author-heatmap", "--out", "-", "--title", "<Mine>", "--db", Db);

        result.ExitCode.ShouldBe(0, result.StdErr);
        var svg = SvgSafetyTests.Parse(result.StdOut);
        svg.Root!.Name.LocalName.ShouldBe("svg");
        result.StdOut.ShouldContain("&lt;Mine&gt;");
    }

    [Theory]
    [InlineData("--width", "100000", "--width")]
    [InlineData("--dpi", "10", "--dpi")]
    [InlineData("--from", "soon", "--from")]
    [InlineData("--format", "gif", "--format")]
    [InlineData("--to", "9999-12-31", "--to")]
    public async Task Chart_BadOption_ExitsWith2NamingIt(string option, string value, string named)
    {
        var result = await CliProcess.RunAsync(_folder, "chart", "stance-timeline", option, value, "--db", Db);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("error: " + named);
        result.StdOut.ShouldBeEmpty();
    }

    [Fact]
    public async Task Chart_Help_ShowsExamples()
    {
        var result = await CliProcess.RunAsync(_folder, "chart", "--help");

        result.ExitCode.ShouldBe(0);
        result.StdOut.ShouldContain("Examples:");
        result.StdOut.ShouldContain("--preset");
    }
}
