using StanceBoard.Ingestion.Extraction;

namespace StanceBoard.Ingestion.Tests.Extraction;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("By Jane Roe", new[] { "Jane Roe" })]
    [InlineData("WRITTEN BY: Dr. Jane Roe, PhD", new[] { "Jane Roe" })]
    [InlineData("Jane Roe and John Doe", new[] { "Jane Roe", "John Doe" })]
    [InlineData("Jane Roe, John Doe & Ali Demir", new[] { "Jane Roe", "John Doe", "Ali Demir" })]
    [InlineData("<a href='/author/x'>Jane <b>Roe</b></a> (@jroe)", new[] { "Jane Roe" })]
    [InlineData("editor@site.example (Mehmet Kaya)", new[] { "Mehmet Kaya" })]
    [InlineData("ANNA PETROSYAN", new[] { "Anna Petrosyan" })]
    [InlineData("Ludwig van Beethoven", new[] { "Ludwig van Beethoven" })]
    [InlineData("Jane Roe, Senior Fellow", new[] { "Jane Roe" })]
    [InlineData("admin", new string[0])]
    [InlineData("Share this article", new string[0])]
    [InlineData("October 5, 2020", new string[0])]
    [InlineData("https://facebook.com/janeroe", new string[0])]
    public void Clean_ReturnsOnlyNames(string raw, string[] expected)
    {
        PersonNames.Clean(raw).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Jane ' Doe", new[] { "Jane Doe" })]
    [InlineData("'", new string[0])]
    [InlineData("\"\"", new string[0])]
    [InlineData("\u2018 Smith", new[] { "Smith" })]
    [InlineData("\u2018\u2019 \u201c\u201d", new string[0])]
    [InlineData("By ' and \" and Ann Lee", new[] { "Ann Lee" })]
    public void Clean_QuoteOnlyWords_AreDroppedNotThrown(string raw, string[] expected)
    {
        PersonNames.Clean(raw).ShouldBe(expected);
    }
}
