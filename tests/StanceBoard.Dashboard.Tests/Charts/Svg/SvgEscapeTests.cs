using System.Text;
using StanceBoard.Dashboard.Charts.Svg;

namespace StanceBoard.Dashboard.Tests.Charts.Svg;

public sealed class SvgEscapeTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a & b \"c\" 'd'", "a &amp; b &quot;c&quot; &#39;d&#39;")]
    [InlineData("tab\there", "tab here")]
    [InlineData("bell\u0007", "bell\uFFFD")]
    [InlineData("emoji \uD83D\uDE00", "emoji \uD83D\uDE00")]
    public void Escape_Text_IsSafeXml(string input, string expected)
    {
        SvgEscape.Escape(input).ShouldBe(expected);
    }

    [Fact]
    public void Escape_LoneSurrogate_BecomesReplacementCharacter()
    {
        SvgEscape.Escape("lone\uD800x\uDC00").ShouldBe("lone\uFFFDx\uFFFD");
    }

    [Theory]
    [InlineData(1.006, "1.01")]
    [InlineData(-0.001, "0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1234.5678, "1234.57")]
    [InlineData(3.0, "3")]
    [InlineData(double.NaN, "0")]
    public void SvgNumber_Value_HasAtMostTwoDecimals(double value, string expected)
    {
        var sb = new StringBuilder();
        SvgNumber.Append(sb, value);
        sb.ToString().ShouldBe(expected);
    }
}
