using System.Xml;
using System.Xml.Linq;
using StanceBoard.Analysis.Aggregation;
using StanceBoard.Analysis.Model;
using StanceBoard.Dashboard.Charts;

namespace StanceBoard.Dashboard.Tests.Charts;

public sealed class SvgSafetyTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Names() => [.. ChartNames.All];

    [Theory]
    [MemberData(nameof(Names))]
    public void RenderSvg_ScriptInAuthorAndOutlet_StaysText(string name)
    {
        const string script = "<script>alert(1)</script>";
        const string outlet = "Fish & Chips \"Daily\" <b>";
        var observations = ChartFixtures.Karabakh().Concat(
            Enumerable.Range(0, 30).Select(i => new StanceObservation(
                50_000 + i,
                new DateTimeOffset(2020, 10, 1 + (i % 20), 9, 0, 0, TimeSpan.Zero),
                script,
                outlet,
                "Turkey",
                Stance.Favor,
                0.9,
                "v<1>&\"x\"")));

        var svg = ChartService.RenderSvg(name, observations, new ChartRequest { Title = "Title with <tags> & \"quotes\"" });

        var document = Parse(svg);
        document.Descendants().Where(e => e.Name.LocalName == "script").ShouldBeEmpty();
        document.Descendants().Where(e => e.Name.LocalName is "b" or "tags").ShouldBeEmpty();
        var text = string.Join("\n", document.Descendants(Svg + "text").Select(t => t.Value));
        text.ShouldContain("Title with <tags> & \"quotes\"");
        document.Root!.Element(Svg + "title")!.Value.ShouldBe("Title with <tags> & \"quotes\"");
        if (name is ChartNames.AuthorHeatmap or ChartNames.AuthorPositions)
        {
            text.ShouldContain(script);
        }

        if (name == ChartNames.OutletHeatmap)
        {
            text.ShouldContain(outlet);
        }
    }

    [Fact]
    public void RenderSvg_ControlCharactersAndLoneSurrogates_StillParse()
    {
        var observations = new[]
        {
            new StanceObservation(1, DateTimeOffset.Parse("2020-10-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "Bad\u0001Name\uD800", "Out\u0008let", "Russia", Stance.Against, -0.5, "v1"),
        };

        foreach (var name in ChartNames.All)
        {
            Should.NotThrow(() => Parse(ChartService.RenderSvg(name, observations, new ChartRequest())));
        }
    }

    [Fact]
    public void RenderView_LongAuthorName_IsShortenedOnTheChartAndWholeInItsMarks()
    {
        const string full = "Professor Alexandra Konstantinova-Whitfield of the Institute for Strategic Studies";

        var view = ChartService.RenderView(ChartNames.AuthorHeatmap, ChartFixtures.Karabakh(), new ChartRequest());

        var texts = Parse(view.Svg).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        texts.ShouldNotContain(full);
        texts.ShouldContain(t => t.StartsWith("Professor Alexandra", StringComparison.Ordinal) && t.EndsWith('\u2026'));
        view.Marks.Where(m => m.Name == full).Select(m => m.Target).ShouldBe(["Russia", "Turkey", "Azerbaijan"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("\u05d3\u05df \u05db\u05d4\u05df")] // Hebrew (right to left)
    [InlineData("\u0639\u0644\u064a \u062d\u0633\u0646")] // Arabic
    [InlineData("Zoe\u0308 Mu\u0308ller")] // combining diaeresis
    [InlineData("<script>alert('x')</script> & \"Co\"")]
    public void RenderView_UnusualAuthorName_StaysTextOnTheChartAndInTheMarks(string author)
    {
        var observations = ChartFixtures.Karabakh().Concat(Enumerable.Range(0, 40).Select(i => new StanceObservation(
            60_000 + i, new DateTimeOffset(2020, 10, 1 + (i % 20), 9, 0, 0, TimeSpan.Zero), author, "Outlet", "Russia", Stance.Favor, 0.8, "v1")));

        foreach (var name in new[] { ChartNames.AuthorHeatmap, ChartNames.AuthorPositions })
        {
            var view = ChartService.RenderView(name, observations, new ChartRequest());

            var document = Parse(view.Svg);
            document.Descendants().Where(e => e.Name.LocalName is "script" or "foreignObject").ShouldBeEmpty();
            document.Descendants(Svg + "text").Select(t => t.Value.Trim()).ShouldContain(author, $"{name} shows the name as text");
            view.Marks.ShouldContain(m => m.Name == author && m.Target == "Russia");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RenderSvg_EveryChart_ShowsTitleCaptionSourceRangeNAndModel(string name)
    {
        var request = new ChartRequest { Caption = "Caption for the report.", SourceNote = "Test source" };

        var text = string.Join("\n", Parse(ChartService.RenderSvg(name, ChartFixtures.Karabakh(), request)).Descendants(Svg + "text").Select(t => t.Value));

        text.ShouldContain("Caption for the report.");
        text.ShouldContain("Source: Test source");
        var observations = ChartFixtures.Karabakh();
        var days = observations.Select(o => DateOnly.FromDateTime(o.Published!.Value.UtcDateTime)).ToList();
        text.ShouldContain(StanceBoard.Dashboard.Charts.Text.DateText.FormatRange(days.Min(), days.Max()));
        text.ShouldContain($"n = {observations.Select(o => o.PieceId).Distinct().Count()} pieces");
        text.ShouldContain("Models 2020.10-a, 2020.11-b");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RenderSvg_NoData_SaysSoInsteadOfThrowing(string name)
    {
        var request = new ChartRequest { Filter = new StanceFilter { Authors = ["Nobody"] } };

        var document = Parse(ChartService.RenderSvg(name, ChartFixtures.Karabakh(), request));

        var text = string.Join("\n", document.Descendants(Svg + "text").Select(t => t.Value));
        text.ShouldContain("No data for these filters");
        text.ShouldContain("authors: Nobody");
        text.ShouldContain("n = 0 pieces");
    }

    internal static XDocument Parse(string svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(svg), settings);
        return XDocument.Load(reader);
    }
}
