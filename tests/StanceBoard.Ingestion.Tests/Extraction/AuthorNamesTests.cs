using StanceBoard.Ingestion.Extraction;

namespace StanceBoard.Ingestion.Tests.Extraction;

public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData("Dr Neil Example", "Neil Example")]
    [InlineData("Prof. Jane Roe", "Jane Roe")]
    [InlineData("Jane Roe (@janeroe)", "Jane Roe")]
    [InlineData("By Jane Roe", "Jane Roe")]
    [InlineData("Jane Roe, PhD", "Jane Roe")]
    [InlineData("Ahmet Çelik", "Ahmet Çelik")]
    [InlineData("Jean-Luc de la Tour", "Jean-Luc de la Tour")]
    [InlineData("<b>Jane</b> Roe", "Jane Roe")]
    public void Clean_PrintedName_GivesThePersonsName(string raw, string expected)
    {
        AuthorNames.Clean(raw).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Director, International Security")]
    [InlineData("View profile")]
    [InlineData("the editors")]
    [InlineData("")]
    [InlineData("Madonna")]
    public void Clean_NotAName_GivesNull(string raw)
    {
        AuthorNames.Clean(raw).ShouldBeNull();
    }

    [Fact]
    public void SplitByline_SeveralNames_AreSeparated()
    {
        AuthorNames.SplitByline("Jane Roe, John Doe and Dr Ann Lee").ShouldBe(["Jane Roe", "John Doe", "Ann Lee"]);
    }
}
