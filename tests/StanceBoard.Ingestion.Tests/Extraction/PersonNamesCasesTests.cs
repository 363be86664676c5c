using StanceBoard.Ingestion.Extraction;

namespace StanceBoard.Ingestion.Tests.Extraction;

/// <summary>Name shapes met in scraped plain text ("WRITTEN BY" blocks, bio sentences, bylines).</summary>
public sealed class PersonNamesCasesTests
{
    [Theory]
    [InlineData("Dr Neil Example", "Neil Example")]
    [InlineData("Prof. Jane Roe", "Jane Roe")]
    [InlineData("Jane Roe (@janeroe)", "Jane Roe")]
    [InlineData("Ahmet Çelik", "Ahmet Çelik")]
    [InlineData("Jean-Luc de la Tour", "Jean-Luc de la Tour")]
    [InlineData("John O’Neill", "John O’Neill")]
    public void Clean_PrintedName_GivesThePersonsName(string raw, string expected)
    {
        PersonNames.Clean(raw).ShouldBe([expected]);
    }

    [Theory]
    [InlineData("Director, International Security")]
    [InlineData("View profile")]
    [InlineData("the editors")]
    [InlineData("")]
    public void Clean_NotAName_GivesNothing(string raw)
    {
        PersonNames.Clean(raw).ShouldBeEmpty();
    }

    [Fact]
    public void Clean_Byline_SeparatesSeveralNames()
    {
        PersonNames.Clean("Jane Roe, John Doe and Dr Ann Lee").ShouldBe(["Jane Roe", "John Doe", "Ann Lee"]);
    }
}
