using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Erdoğan", "erdogan")]
    [InlineData("Çavuşoğlu", "cavusoglu")]
    [InlineData("Kalın", "kalin")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Türkiye", "turkiye")]
    [InlineData("plain", "plain")]
    [InlineData("Straße", "strasse")]
    [InlineData("ANKARA", "ankara")]
    [InlineData("McKinsey2020", "mckinsey2020")]
    [InlineData("", "")]
    public void Fold_RemovesDiacriticsAndCase(string input, string expected)
    {
        TextFolding.Fold(input).ShouldBe(expected);
    }
}
