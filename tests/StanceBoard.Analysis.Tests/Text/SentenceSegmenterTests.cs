using StanceBoard.Analysis.Text;

namespace StanceBoard.Analysis.Tests.Text;

public sealed class SentenceSegmenterTests
{
    [Fact]
    public void Split_AbbreviationsAndInitials_DoNotEndSentences()
    {
        var sentences = SentenceSegmenter.Split("Dr. Smith met Mr. J. R. Jones in the U.S. yesterday. They talked.");

        sentences.Select(s => s.Text).ShouldBe(["Dr. Smith met Mr. J. R. Jones in the U.S. yesterday.", "They talked."]);
    }

    [Fact]
    public void Split_LineBreaks_EndSentencesEvenWithoutPunctuation()
    {
        var sentences = SentenceSegmenter.Split("A Heading\n\nThe first paragraph ends here. Another one!\nLast line");

        sentences.Select(s => s.Text).ShouldBe(["A Heading", "The first paragraph ends here.", "Another one!", "Last line"]);
    }

    [Fact]
    public void Split_QuotesAfterTheStop_StayWithTheSentence()
    {
        var sentences = SentenceSegmenter.Split("He said “this is over.” Then he left? Yes.");

        sentences.Select(s => s.Text).ShouldBe(["He said “this is over.”", "Then he left?", "Yes."]);
    }

    [Fact]
    public void Split_DecimalsAndLowercaseContinuations_DoNotSplit()
    {
        var sentences = SentenceSegmenter.Split("Spending rose 3.5 per cent. in 2020 it fell.");

        sentences.Count.ShouldBe(1);
    }

    [Fact]
    public void Split_Offsets_PointIntoTheOriginalText()
    {
        const string text = "  One.   Two three.  ";

        var sentences = SentenceSegmenter.Split(text);

        sentences.ShouldAllBe(s => text.Substring(s.Start, s.Length) == s.Text);
        sentences.Select(s => s.Index).ShouldBe([0, 1]);
    }

    [Fact]
    public void Split_BlankText_YieldsNothing()
    {
        SentenceSegmenter.Split(" \n\t \n").ShouldBeEmpty();
    }
}
