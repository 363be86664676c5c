using StanceBoard.Ingestion.Extraction;

namespace StanceBoard.Ingestion.Tests.Extraction;

public sealed class PlainTextExtractorTests
{
    [Fact]
    public void Extract_WrittenByBlock_GivesTheSingleAuthorWithoutHonorific()
    {
        var article = PlainTextExtractor.Extract(Fixture.Read("think-tank-written-by.txt"));

        article.Title.ShouldBe("Ankara’s Drones and the Limits of Moscow’s Mediation");
        article.Authors.ShouldBe(["Maria Ostrovska"]);
    }

    [Fact]
    public void Extract_WrittenByBlock_DropsCaptionDisclaimerAndTrailingFurniture()
    {
        var article = PlainTextExtractor.Extract(Fixture.Read("think-tank-written-by.txt"));

        article.Text.ShouldStartWith("The second ceasefire in a fortnight has collapsed");
        article.Text.ShouldEndWith("until the occupied districts are returned.");
        article.Text.ShouldNotContain("Courtesy of");
        article.Text.ShouldNotContain("views expressed");
        article.Text.ShouldNotContain("WRITTEN BY");
        article.Text.ShouldNotContain("View profile");
        article.Text.ShouldNotContain("Footnotes");
        article.Text.ShouldNotContain("Explore our related content");
        article.Text.ShouldContain("A Changing Balance");
    }

    [Fact]
    public void Extract_Disclaimer_NamesTheOutlet()
    {
        PlainTextExtractor.Extract(Fixture.Read("think-tank-written-by.txt")).Outlet.ShouldBe("Caspian Policy Forum");
    }

    [Fact]
    public void Extract_TrailingBioSentence_GivesTheAuthorWithoutHandle()
    {
        var article = PlainTextExtractor.Extract(Fixture.Read("news-bio.txt"));

        article.Title.ShouldBe("Baku’s Victory and Moscow’s Dilemma");
        article.Authors.ShouldBe(["Levan Kiknadze"]);
    }

    [Fact]
    public void Extract_BioSeeAlsoRecruitmentAndCookies_AreNotBody()
    {
        var article = PlainTextExtractor.Extract(Fixture.Read("news-bio.txt"));

        article.Text.ShouldEndWith("without pushing either towards the West or towards Ankara.");
        article.Text.ShouldNotContain("non-resident fellow");
        article.Text.ShouldNotContain("See Also");
        article.Text.ShouldNotContain("seeks local specialists");
        article.Text.ShouldNotContain("cookies");
    }

    [Fact]
    public void Extract_PlainText_NeverInventsADate()
    {
        PlainTextExtractor.Extract(Fixture.Read("news-bio.txt")).Published.ShouldBeNull();
        PlainTextExtractor.Extract(Fixture.Read("think-tank-written-by.txt")).Published.ShouldBeNull();
    }

    [Fact]
    public void Extract_BylineAtTheTop_GivesAllAuthorsAndLeavesTheBody()
    {
        var article = PlainTextExtractor.Extract("A Title\n\nBy Dr. Anna Smith and John O’Neill\n\nFirst paragraph here.\n\nSecond paragraph.");

        article.Authors.ShouldBe(["Anna Smith", "John O’Neill"]);
        article.Text.ShouldBe("First paragraph here.\n\nSecond paragraph.");
    }

    [Fact]
    public void Extract_NoAuthorAnywhere_LeavesAuthorsEmpty()
    {
        var article = PlainTextExtractor.Extract("Title\n\nRussia and Turkey talked. Nobody signed anything.");

        article.Authors.ShouldBeEmpty();
        article.Text.ShouldBe("Russia and Turkey talked. Nobody signed anything.");
    }
}
