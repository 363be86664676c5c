using StanceBoard.Dashboard.Charts.Text;

namespace StanceBoard.Dashboard.Tests.Charts.Text;

public sealed class TextFitTests
{
    [Fact]
    public void Truncate_TooLong_FitsWithEllipsis()
    {
        const string name = "Professor Alexandra Konstantinova-Whitfield";

        var result = TextFit.Truncate(name, 100, 12, false, out var truncated);

        truncated.ShouldBeTrue();
        result.ShouldEndWith(TextFit.Ellipsis);
        FontMetrics.Measure(result, 12).ShouldBeLessThanOrEqualTo(100);
        name.ShouldStartWith(result.TrimEnd('\u2026'));
    }

    [Fact]
    public void Truncate_Fits_ReturnsUnchanged()
    {
        TextFit.Truncate("Chen Wei", 200, 12, false, out var truncated).ShouldBe("Chen Wei");
        truncated.ShouldBeFalse();
    }

    [Fact]
    public void Wrap_LongText_BreaksAtSpacesWithinWidth()
    {
        const string text = "Stance score is p(favor) minus p(against) from the stance model, from minus one to plus one.";

        var lines = TextFit.Wrap(text, 150, 10, false, 10);

        lines.Count.ShouldBeGreaterThan(1);
        lines.ShouldAllBe(l => FontMetrics.Measure(l, 10, false) <= 150);
        string.Join(' ', lines).ShouldBe(text);
    }

    [Fact]
    public void Wrap_MoreThanMaxLines_TruncatesLastLine()
    {
        var lines = TextFit.Wrap(string.Join(' ', Enumerable.Repeat("word", 100)), 80, 10, false, 2);

        lines.Count.ShouldBe(2);
        lines[1].ShouldEndWith(TextFit.Ellipsis);
    }
}
