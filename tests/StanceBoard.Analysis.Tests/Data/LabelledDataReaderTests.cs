using System.Text;
using StanceBoard.Analysis.Data;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Tests.Data;

public sealed class LabelledDataReaderTests
{
    [Fact]
    public void Read_Csv_ReadsRowsWithOptionalColumnsAndIgnoresOthers()
    {
        var csv = """
            ID,Stance,Text,Target,colour,author,published
            a1,FAVOR,"Moscow helped, a lot.",Russia,red,Jane Roe,2020-11-10
            a2,Neutral,Ankara said little.,Turkey,blue,,
            a3,against,Baku erred.,Azerbaijan,,,
            """;

        var data = CreateSut().Read(Stream(csv), LabelledDataFormat.Csv);

        data.Problems.ShouldBeEmpty();
        data.Examples.Select(e => (e.Id, e.Text, e.Target, e.Stance, e.Line)).ShouldBe(
        [
            ("a1", "Moscow helped, a lot.", "Russia", Stance.Favor, 2),
            ("a2", "Ankara said little.", "Turkey", Stance.None, 3),
            ("a3", "Baku erred.", "Azerbaijan", Stance.Against, 4),
        ]);
        data.Examples[0].Author.ShouldBe("Jane Roe");
        data.Examples[0].Published.ShouldBe("2020-11-10");
        data.Examples[1].Author.ShouldBeNull();
    }

    [Fact]
    public void Read_CsvWithEveryKindOfBadRow_ReportsEachWithItsLineAndKeepsTheGoodOnes()
    {
        var csv = """
            text,target,stance
            Good one.,Russia,favor
            ,Russia,favor
            No target.,,against
            Odd label.,Turkey,maybe
            No label.,Turkey,
            "Spans
            two lines.",Azerbaijan,none
            Bad "quote here,Russia,none
            Last good.,Turkey,against
            """;

        var data = CreateSut().Read(Stream(csv), LabelledDataFormat.Csv);

        data.Examples.Select(e => (e.Text, e.Line)).ShouldBe([("Good one.", 2), ("Spans\ntwo lines.", 7), ("Last good.", 10)]);
        data.Problems.Select(p => p.Line).ShouldBe([3, 4, 5, 6, 9]);
        data.Problems[0].Message.ShouldContain("missing text");
        data.Problems[1].Message.ShouldContain("empty target");
        data.Problems[2].Message.ShouldContain("unknown stance label 'maybe'");
        data.Problems[3].Message.ShouldContain("missing stance");
        data.Problems[4].Message.ShouldContain("malformed CSV");
    }

    [Fact]
    public void Read_Jsonl_ReportsMalformedLinesAndBadRowsWithLineNumbers()
    {
        var jsonl = """
            {"text":"Moscow helped.","target":"Russia","stance":"Favor","extra":[1,2]}

            {"text":"Broken", "target":
            ["not", "an", "object"]
            {"text":"Ankara erred.","target":"Turkey","stance":"against","id":7}
            {"text":"","target":"Turkey","stance":"none"}
            {"text":"Baku spoke.","target":"  ","stance":"none"}
            {"text":"Baku spoke.","target":"Azerbaijan","stance":"positive"}
            """;

        var data = CreateSut().Read(Stream(jsonl), LabelledDataFormat.Jsonl);

        data.Examples.Select(e => (e.Target, e.Stance, e.Line, e.Id)).ShouldBe([("Russia", Stance.Favor, 1, null), ("Turkey", Stance.Against, 5, "7")]);
        data.Problems.Select(p => p.Line).ShouldBe([3, 4, 6, 7, 8]);
        data.Problems[0].Message.ShouldContain("malformed JSON");
        data.Problems[1].Message.ShouldContain("not a JSON object");
        data.Problems[2].Message.ShouldContain("missing text");
        data.Problems[3].Message.ShouldContain("empty target");
        data.Problems[4].Message.ShouldContain("unknown stance label");
    }

    [Fact]
    public void Read_NoUsableRow_ThrowsWithTheProblems()
    {
        var error = Should.Throw<LabelledDataException>(() =>
            CreateSut().Read(Stream("text,target,stance\n,Russia,favor\nx,Russia,sideways\n"), LabelledDataFormat.Csv));

        error.Problems.Count.ShouldBe(2);
        error.Message.ShouldContain("line 2");
    }

    [Fact]
    public void Read_HeaderWithoutStance_ThrowsNamingTheMissingColumn()
    {
        var error = Should.Throw<LabelledDataException>(() =>
            CreateSut().Read(Stream("text,target\nhello,Russia\n"), LabelledDataFormat.Csv));

        error.Message.ShouldContain("stance");
    }

    [Fact]
    public void Read_InputOverTheSizeLimit_IsRefusedWhole()
    {
        var sut = new LabelledDataReader(new LabelledDataReaderOptions { MaxBytes = 1_000 });
        var big = "text,target,stance\n" + string.Concat(Enumerable.Repeat("Some text here.,Russia,none\n", 100));

        Should.Throw<LabelledDataException>(() => sut.Read(Stream(big), LabelledDataFormat.Csv)).Message.ShouldContain("limit");
    }

    [Fact]
    public void Read_CsvWithUnterminatedQuote_ReportsThatRowAndReadsEveryRowAfterIt()
    {
        var csv = "text,target,stance\nGood one.,Russia,favor\n\"Never closed,Turkey,none\nSecond.,Turkey,against\nThird.,Azerbaijan,none\n";

        var data = CreateSut().Read(Stream(csv), LabelledDataFormat.Csv);

        data.Examples.Select(e => (e.Text, e.Line)).ShouldBe([("Good one.", 2), ("Second.", 4), ("Third.", 5)]);
        var problem = data.Problems.ShouldHaveSingleItem();
        problem.Line.ShouldBe(3);
        problem.Message.ShouldContain("never closed");
    }

    [Fact]
    public void Read_CsvWithOverLongRecord_ReportsThatRowAndReadsEveryRowAfterIt()
    {
        var sut = new LabelledDataReader(new LabelledDataReaderOptions { MaxTextLength = 10 });
        var csv = $"text,target,stance\nshort,Russia,none\n\"{new string('x', 1_000_000)}\",Turkey,none\nafter,Turkey,favor\nlast,Russia,against\n";

        var data = sut.Read(Stream(csv), LabelledDataFormat.Csv);

        data.Examples.Select(e => (e.Text, e.Line)).ShouldBe([("short", 2), ("after", 4), ("last", 5)]);
        var problem = data.Problems.ShouldHaveSingleItem();
        problem.Line.ShouldBe(3);
        problem.Message.ShouldContain("longer than");
    }

    [Fact]
    public void Read_TextOverTheLengthLimit_IsSkippedAndReported()
    {
        var sut = new LabelledDataReader(new LabelledDataReaderOptions { MaxTextLength = 10 });

        var data = sut.Read(Stream("text,target,stance\nshort,Russia,none\nmuch longer than ten,Russia,none\n"), LabelledDataFormat.Csv);

        data.Examples.Count.ShouldBe(1);
        data.Problems.ShouldHaveSingleItem().Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("labels.jsonl", LabelledDataFormat.Jsonl)]
    [InlineData("labels.NDJSON", LabelledDataFormat.Jsonl)]
    [InlineData("labels.csv", LabelledDataFormat.Csv)]
    [InlineData("labels.txt", LabelledDataFormat.Csv)]
    public void FormatOf_Extension_ChoosesTheFormat(string path, LabelledDataFormat expected) =>
        LabelledDataReader.FormatOf(path).ShouldBe(expected);

    private static LabelledDataReader CreateSut() => new();

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n")));
}
